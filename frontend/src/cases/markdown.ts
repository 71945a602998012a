// Pure helpers for the phone Markdown editor's toolbar: each takes the text and the current
// selection and returns the new text with the selection to restore.

export interface Edit {
  text: string
  start: number
  end: number
}

/** Wrap the selection (or a placeholder) in markers, e.g. **bold**. */
export function wrap(text: string, start: number, end: number, marker: string, placeholder: string): Edit {
  const inner = text.slice(start, end) || placeholder
  const next = text.slice(0, start) + marker + inner + marker + text.slice(end)
  const innerStart = start + marker.length
  return { text: next, start: innerStart, end: innerStart + inner.length }
}

/** Start of the line containing `pos`. */
function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1
}

/**
 * Put a prefix ("## ", "- ", "> ", "1. ") before every line the selection touches; when all
 * of them already have it, take it away (the button toggles). Numbered lists count up.
 */
export function prefixLines(text: string, start: number, end: number, prefix: string): Edit {
  const from = lineStart(text, start)
  const toBreak = text.indexOf('\n', end > start && text[end - 1] === '\n' ? end - 1 : end)
  const to = toBreak === -1 ? text.length : toBreak
  const lines = text.slice(from, to).split('\n')
  const numbered = /^\d+\. $/.test(prefix)
  const pattern = numbered ? /^\d+\. / : new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
  const allHave = lines.every((l) => pattern.test(l))
  const changed = lines.map((l, i) => {
    if (allHave) return l.replace(pattern, '')
    const stripped = l.replace(/^(#{1,6} |[-*] |> |\d+\. )/, '')
    return (numbered ? `${i + 1}. ` : prefix) + stripped
  })
  const block = changed.join('\n')
  const next = text.slice(0, from) + block + text.slice(to)
  // A cursor stays a cursor (at the end of its line); a selection keeps covering the lines.
  if (start === end) return { text: next, start: from + block.length, end: from + block.length }
  return { text: next, start: from, end: from + block.length }
}

/** Insert a block (an image, a divider) on its own line at the cursor. */
export function insertBlock(text: string, pos: number, block: string): Edit {
  const before = text.slice(0, pos)
  const after = text.slice(pos)
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n'
  const tail = after === '' || after.startsWith('\n') ? '\n' : '\n\n'
  const next = before + lead + block + tail + after
  const cursor = before.length + lead.length + block.length + tail.length
  return { text: next, start: cursor, end: cursor }
}

/** Markdown for an uploaded image. */
export function imageMarkdown(url: string, alt = '现场照片'): string {
  return `![${alt.replace(/[[\]]/g, '')}](${url})`
}

/** Characters a reader sees: markup, links' targets and whitespace are not counted. */
export function visibleLength(markdown: string): number {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^(#{1,6} |[-*] |> |\d+\. )/gm, '')
    .replace(/[*_`~]/g, '')
    .replace(/\s/g, '').length
}
