// The review workspace's keyboard flow and cursor, kept out of the component so it is tested.
//
// Shortcuts act only when the reviewer is not typing: never inside an input, a textarea, a
// select or an editable element, never with Ctrl/Alt/Meta, never while an input method is
// composing Chinese, and never while a dialog (the reject reason) is open.

export type ReviewAction = 'approve' | 'reject' | 'next' | 'prev'

export const SHORTCUTS: { keys: string[]; action: ReviewAction; label: string }[] = [
  { keys: ['a'], action: 'approve', label: '通过' },
  { keys: ['r'], action: 'reject', label: '退回' },
  { keys: ['j', 'ArrowRight'], action: 'next', label: '下一题' },
  { keys: ['k', 'ArrowLeft'], action: 'prev', label: '上一题' },
]

/** How a shortcut is written on screen: "A", "J / →". */
export function shortcutHint(action: ReviewAction): string {
  const names: Record<string, string> = { ArrowRight: '→', ArrowLeft: '←' }
  const entry = SHORTCUTS.find((s) => s.action === action)
  return entry ? entry.keys.map((k) => names[k] ?? k.toUpperCase()).join(' / ') : ''
}

interface KeyLike {
  key: string
  ctrlKey?: boolean
  altKey?: boolean
  metaKey?: boolean
  isComposing?: boolean
  target?: EventTarget | null
}

/** True when keys typed now belong to a field, not to the workspace. */
export function isTyping(target: EventTarget | null | undefined): boolean {
  const el = target as HTMLElement | null | undefined
  if (!el || typeof el.closest !== 'function') return false
  if (el.isContentEditable) return true
  return !!el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .el-select')
}

/** The workspace action a key press asks for, or null to leave it alone. */
export function keyAction(event: KeyLike, dialogOpen = false): ReviewAction | null {
  if (dialogOpen || event.isComposing || event.ctrlKey || event.altKey || event.metaKey) return null
  if (isTyping(event.target)) return null
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key
  return SHORTCUTS.find((s) => s.keys.includes(key))?.action ?? null
}

export interface Reviewable {
  id: number
  status?: string
}

/** "已审 23/45": every draft of the batch that is no longer waiting counts as reviewed. */
export function progress(items: Reviewable[]): { reviewed: number; total: number } {
  return { reviewed: items.filter((q) => q.status !== 'pending').length, total: items.length }
}

/** The index one step away, staying inside the list. */
export function step(items: unknown[], index: number, direction: 1 | -1): number {
  if (!items.length) return 0
  return Math.min(items.length - 1, Math.max(0, index + direction))
}

/** After a decision: the next draft still waiting (after `index`, then from the top), or
 * the same index when none is left. */
export function nextPending(items: Reviewable[], index: number): number {
  for (let offset = 1; offset <= items.length; offset++) {
    const at = (index + offset) % items.length
    if (items[at]!.status === 'pending') return at
  }
  return index
}

/** A stem short enough to tell drafts apart in a list: the generator opens most of them
 * with "根据《材料》，", which says nothing about the question. */
export function shortStem(stem: string): string {
  return stem.replace(/^根据《[^》]*》[，,]\s*/, '')
}

/** Split a passage's text around the quoted span for highlighting. The span comes from the
 * question's offsets into the material; when they do not fit, the quote is searched. */
export function highlight(
  passage: { text: string; start: number },
  quote: string,
  start: number | null | undefined,
  end: number | null | undefined,
): { before: string; quote: string; after: string } {
  const text = passage.text
  let from = start != null ? start - passage.start : -1
  let to = end != null ? end - passage.start : -1
  if (from < 0 || to > text.length || to <= from || (quote && text.slice(from, to) !== quote)) {
    from = quote ? text.indexOf(quote) : -1
    to = from >= 0 ? from + quote.length : -1
  }
  if (from < 0) return { before: text, quote: '', after: '' }
  return { before: text.slice(0, from), quote: text.slice(from, to), after: text.slice(to) }
}
