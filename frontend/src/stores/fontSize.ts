import { ref } from 'vue'

export type FontSize = 'normal' | 'large' | 'extra-large'

export const FONT_SIZE_KEY = 'yz.fontSize'
export const FONT_SIZES: Record<FontSize, { label: string; scale: number }> = {
  normal: { label: '标准', scale: 1 },
  large: { label: '大', scale: 1.15 },
  'extra-large': { label: '特大', scale: 1.3 },
}

function isFontSize(value: unknown): value is FontSize {
  return typeof value === 'string' && value in FONT_SIZES
}

function readStored(): FontSize {
  try {
    const value = localStorage.getItem(FONT_SIZE_KEY)
    return isFontSize(value) ? value : 'normal'
  } catch {
    return 'normal'
  }
}

const current = ref<FontSize>('normal')

/** Apply the size as a root CSS variable; every text size in the app scales from it. */
function apply(size: FontSize): void {
  const root = document.documentElement
  root.style.setProperty('--yz-font-scale', String(FONT_SIZES[size].scale))
  root.dataset.fontSize = size
}

/** Read the saved choice and apply it; call once at startup. */
export function initFontSize(): FontSize {
  current.value = readStored()
  apply(current.value)
  return current.value
}

/** A pixel size scaled by the chosen font size, for what CSS does not reach (chart labels
 *  are drawn on a canvas). */
export function scaledPx(base: number): number {
  return Math.round(base * FONT_SIZES[current.value].scale)
}

export function useFontSize() {
  function set(size: FontSize): void {
    if (!isFontSize(size)) return
    current.value = size
    try {
      localStorage.setItem(FONT_SIZE_KEY, size)
    } catch {
      // Private mode: the choice still applies for this visit.
    }
    apply(size)
  }
  return { size: current, set, options: FONT_SIZES }
}
