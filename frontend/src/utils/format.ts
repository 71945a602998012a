const pad = (n: number) => String(n).padStart(2, '0')

// Times are shown in China Standard Time whatever the device's own zone setting.
const SHANGHAI_OFFSET_MS = 8 * 3600_000

function shanghai(date: Date): Date {
  return new Date(date.getTime() + SHANGHAI_OFFSET_MS)
}

/** "6月3日 09:00" in Asia/Shanghai (no daylight saving, so a fixed +08:00). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return ''
  const t = new Date(iso)
  if (Number.isNaN(t.getTime())) return ''
  const d = shanghai(t)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** Hour of day in Asia/Shanghai. */
export function shanghaiHour(date: Date = new Date()): number {
  return shanghai(date).getUTCHours()
}

export function formatWindow(opensAt: string, closesAt: string): string {
  return `${formatDateTime(opensAt)} 至 ${formatDateTime(closesAt)}`
}

/** Seconds → "mm:ss" or "h:mm:ss". */
export function formatCountdown(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${pad(m)}:${pad(sec)}`
}

/** "85.50" → "85.5"; scores stay strings from the server and are only trimmed for display. */
export function formatScore(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—'
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value
}
