// What a question import's dry run means for the person about to confirm it, and the
// column-mapping step for a file whose headers are not one of our layouts.
import type { ImportReport } from '../../api/banks'

export interface RowProblems {
  row: number
  problems: { field: string; message: string }[]
}

export interface ImportSummary {
  total: number
  create: number
  skipped: number
  badRows: number
  similar: number
  rows: RowProblems[]
  /** "第 3 行：与题库中已有试题相同" … */
  skippedRows: { row: number; reason: string }[]
  canConfirm: boolean
  confirmLabel: string
  verdict: string
}

export function groupProblems(report: Pick<ImportReport, 'rows'>): RowProblems[] {
  const byRow = new Map<number, RowProblems>()
  for (const { row, field, message } of report.rows) {
    const entry = byRow.get(row) ?? { row, problems: [] }
    entry.problems.push({ field, message })
    byRow.set(row, entry)
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row)
}

export function summarize(report: ImportReport): ImportSummary {
  const skipped = report.skipped.length
  const badRows = report.error_count
  const create = report.created
  let verdict: string
  if (report.total === 0) verdict = '文件中没有数据行。'
  else if (create === 0 && skipped === report.total) verdict = '每一行都与题库中已有的试题（或前面的行）完全相同，不会重复导入。'
  else if (create === 0) verdict = '没有可以导入的行：请按下面的错误修改文件后重新上传。'
  else {
    const parts = [`确认后将导入 ${create} 道试题`]
    if (skipped) parts.push(`跳过 ${skipped} 道重复的试题`)
    if (badRows) parts.push(`跳过 ${badRows} 个有错误的行`)
    verdict = parts.join('，') + '。'
  }
  return {
    total: report.total,
    create,
    skipped,
    badRows,
    similar: report.duplicates.length,
    rows: groupProblems(report),
    skippedRows: report.skipped.map((s) => ({
      row: s.row,
      reason: s.question ? `与题库中已有试题（编号 ${s.question}）完全相同` : `与第 ${s.same_row} 行完全相同`,
    })),
    canConfirm: create > 0,
    confirmLabel: `确认导入 ${create} 道`,
    verdict,
  }
}

export interface MappingRow {
  header: string
  /** one of our columns, or '' to leave the column out */
  target: string
}

export function mappingRows(headers: string[], suggested: Record<string, string> = {}): MappingRow[] {
  return headers.filter((h) => h.trim()).map((header) => ({ header, target: suggested[header] ?? '' }))
}

/** Problems the server would refuse the mapping for, said before asking it. */
export function mappingProblems(rows: MappingRow[], required: string[]): string[] {
  const problems: string[] = []
  const used = new Map<string, string[]>()
  for (const { header, target } of rows) {
    if (!target) continue
    used.set(target, [...(used.get(target) ?? []), header])
  }
  for (const [target, headers] of used) {
    if (headers.length > 1) problems.push(`“${target}”只能对应一列（现对应：${headers.join('、')}）`)
  }
  for (const target of required) {
    if (!used.has(target)) problems.push(`请为“${target}”选择对应的列`)
  }
  return problems
}

export function toMapping(rows: MappingRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.header, r.target]))
}
