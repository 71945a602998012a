import { beforeEach, describe, expect, it } from 'vitest'
import { FONT_SIZE_KEY, initFontSize, scaledPx, useFontSize } from '@/stores/fontSize'

const scale = () => document.documentElement.style.getPropertyValue('--yz-font-scale')

describe('font size store', () => {
  beforeEach(() => {
    localStorage.clear()
    document.documentElement.removeAttribute('style')
  })

  it('defaults to normal with scale 1', () => {
    expect(initFontSize()).toBe('normal')
    expect(scale()).toBe('1')
  })

  it('stores the choice and applies it to the root CSS variable', () => {
    initFontSize()
    const font = useFontSize()
    font.set('extra-large')
    expect(localStorage.getItem(FONT_SIZE_KEY)).toBe('extra-large')
    expect(font.size.value).toBe('extra-large')
    expect(Number(scale())).toBeGreaterThan(1.2)
    expect(document.documentElement.dataset.fontSize).toBe('extra-large')
  })

  it('restores the saved size on the next start', () => {
    localStorage.setItem(FONT_SIZE_KEY, 'large')
    expect(initFontSize()).toBe('large')
    expect(Number(scale())).toBeGreaterThan(1)
    expect(Number(scale())).toBeLessThan(1.3)
  })

  it('ignores a garbage stored value', () => {
    localStorage.setItem(FONT_SIZE_KEY, 'huge')
    expect(initFontSize()).toBe('normal')
    expect(scale()).toBe('1')
  })

  it('large sizes grow in order', () => {
    const font = useFontSize()
    const scales = (['normal', 'large', 'extra-large'] as const).map((s) => {
      font.set(s)
      return Number(scale())
    })
    expect(scales).toEqual([...scales].sort((a, b) => a - b))
    expect(new Set(scales).size).toBe(3)
  })

  it('chart labels (drawn on a canvas) follow the large font too', () => {
    const font = useFontSize()
    font.set('normal')
    const normal = scaledPx(12)
    font.set('extra-large')
    expect(scaledPx(12)).toBeGreaterThan(normal)
    expect(scaledPx(12)).toBe(Math.round(12 * 1.3))
  })
})
