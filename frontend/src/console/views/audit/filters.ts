// The operation log's filter form ↔ the API's query parameters. The URL keeps the API's
// own names (date_from, date_to, action=user.,auth.login); the form shows a date range
// picker and a multi-select of actions grouped by area, with "全部…" for a code prefix.
import type { CodeLabel } from '../../api/audit'

const SHANGHAI_OFFSET_MS = 8 * 3600_000
const DAY_MS = 86_400_000

const pad = (n: number) => String(n).padStart(2, '0')

/** "2026-06-03": the Asia/Shanghai calendar day `daysBack` days before `now`. */
export function shanghaiDay(now: Date, daysBack = 0): string {
  const d = new Date(now.getTime() + SHANGHAI_OFFSET_MS - daysBack * DAY_MS)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** A "YYYY-MM-DD" day as a Date at local midnight, so the picker shows that same day
 * whatever the browser's own time zone. */
export function localDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number)
  return new Date(y!, m! - 1, d!)
}

/** The picker's [from, to] for the URL's dates. A range open at one end is shown closed
 * with what it means: from the oldest day kept, or up to today. */
export function rangeFromFilters(
  from: string | undefined,
  to: string | undefined,
  today: string,
  oldestKept: string,
): [string, string] | null {
  if (!from && !to) return null
  return [from ?? oldestKept, to ?? today]
}

/** The picker's value → date_from and date_to (both cleared with the picker). */
export function filtersFromRange(range: [string, string] | null | undefined): {
  date_from: string | undefined
  date_to: string | undefined
} {
  if (!range || !range[0] || !range[1]) return { date_from: undefined, date_to: undefined }
  return { date_from: range[0], date_to: range[1] }
}

/** Quick ranges for the picker, counted in Shanghai days (today inclusive). */
export function dateShortcuts(retentionDays: number, now: () => Date = () => new Date()) {
  const lastDays = (text: string, days: number) => ({
    text,
    value: () => {
      const at = now()
      return [localDate(shanghaiDay(at, days - 1)), localDate(shanghaiDay(at))]
    },
  })
  return [
    lastDays('今天', 1),
    lastDays('最近 7 天', 7),
    lastDays('最近 30 天', 30),
    lastDays(`全部（${retentionDays} 天内）`, retentionDays),
  ]
}

/** "user.,auth.login" → ["user.", "auth.login"] (blanks and repeats dropped). */
export function splitCodes(text: string | undefined): string[] {
  if (!text) return []
  return [...new Set(text.split(',').map((code) => code.trim()).filter(Boolean))]
}

/** ["user.", "auth.login"] → "user.,auth.login"; undefined when nothing is chosen. */
export function joinCodes(codes: readonly string[]): string | undefined {
  const kept = splitCodes(codes.join(','))
  return kept.length ? kept.join(',') : undefined
}

export interface ActionGroup {
  /** The code prefix, with its dot: "user.". */
  prefix: string
  label: string
  options: CodeLabel[]
}

// Code prefixes that name no object type.
const PREFIX_LABELS: Record<string, string> = {
  auth: '登录与账号安全',
  admin: '管理后台',
}

/** The catalogue's actions grouped by code prefix, in catalogue order; each group
 * starts with "全部…" for the whole prefix (which also matches actions the catalogue
 * does not list, such as changes made in the Django admin). */
export function actionGroups(actions: CodeLabel[], objectTypes: CodeLabel[]): ActionGroup[] {
  const typeLabels = new Map(objectTypes.map((type) => [type.code, type.label]))
  const groups = new Map<string, ActionGroup>()
  for (const action of actions) {
    const name = action.code.split('.')[0]!
    let group = groups.get(name)
    if (!group) {
      const label = PREFIX_LABELS[name] ?? typeLabels.get(name) ?? name
      group = { prefix: `${name}.`, label, options: [{ code: `${name}.`, label: `全部：${label}` }] }
      groups.set(name, group)
    }
    group.options.push(action)
  }
  return [...groups.values()]
}
