// Console display formats. Times are stored UTC and shown in Asia/Shanghai (fixed +08:00).
const pad = (n: number) => String(n).padStart(2, '0')

/** "2026-06-03 09:00" in Asia/Shanghai ("09:00:05" with `seconds`); '' for nothing. */
export function formatTime(iso: string | null | undefined, options: { seconds?: boolean } = {}): string {
  if (!iso) return ''
  const t = new Date(iso)
  if (Number.isNaN(t.getTime())) return ''
  const d = new Date(t.getTime() + 8 * 3600_000)
  const minutes = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
  return options.seconds ? `${minutes}:${pad(d.getUTCSeconds())}` : minutes
}

/** "35%" for a share; '—' when there is nothing to divide by. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : '—'
}

/** "2026-06-03T09:00:00+08:00": a moment in the form the console's date-time pickers use. */
export function pickerMoment(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00+08:00`
}
