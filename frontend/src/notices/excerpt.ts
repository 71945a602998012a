// A one-line preview of a notice for the home list, from its server-sanitized HTML.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' }

/** Plain text of the HTML, whitespace collapsed, cut at `max` characters with an ellipsis. */
export function noticeExcerpt(html: string, max = 40): string {
  const text = html
    .replace(/<(br|\/p|\/li|\/h\d)\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .trim()
  const chars = Array.from(text)
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text
}

/** Published within the last `days` days (shown with a 新 mark). */
export function isRecent(publishedAt: string, now: Date = new Date(), days = 3): boolean {
  const t = new Date(publishedAt).getTime()
  if (Number.isNaN(t)) return false
  return now.getTime() - t < days * 86_400_000 && t <= now.getTime()
}
