// What the roster import's dry run means for the person about to confirm it.
import type { OneTimePassword, RosterReport } from '../../../api/org'

export interface RowProblems {
  row: number
  problems: { field: string; message: string }[]
}

export interface Preview {
  total: number
  create: number
  update: number
  unchanged: number
  badRows: number
  /** Every bad row once, in file order, with all its problems. */
  rows: RowProblems[]
  /** Something would be written. */
  canConfirm: boolean
  confirmLabel: string
  /** One sentence: what confirming will do. */
  verdict: string
}

export function groupProblems(report: RosterReport): RowProblems[] {
  const byRow = new Map<number, RowProblems>()
  for (const { row, field, message } of report.rows) {
    const entry = byRow.get(row) ?? { row, problems: [] }
    entry.problems.push({ field, message })
    byRow.set(row, entry)
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row)
}

export function preview(report: RosterReport): Preview {
  const writes = report.created + report.updated
  const badRows = report.error_count
  let verdict: string
  if (report.total === 0) verdict = '文件中没有数据行。'
  else if (writes === 0 && badRows === 0) verdict = '文件与系统中的人员完全一致，无需导入。'
  else if (writes === 0) verdict = `所有数据行都有错误，请修改文件后重新上传。`
  else if (badRows > 0) verdict = `确认后将跳过 ${badRows} 个有错误的行，只导入其余正确的行；也可以先修改文件再上传。`
  else verdict = '检查通过，确认后即导入。'
  return {
    total: report.total,
    create: report.created,
    update: report.updated,
    unchanged: report.unchanged,
    badRows,
    rows: groupProblems(report),
    canConfirm: writes > 0,
    confirmLabel: badRows > 0 ? `跳过 ${badRows} 个错误行，导入其余 ${writes} 人` : `确认导入 ${writes} 人`,
    verdict,
  }
}

/** The initial passwords of the people a confirmed import created. */
export function passwordsOf(report: RosterReport): OneTimePassword[] {
  return (report.initial_passwords ?? []).map((row) => ({
    username: row['工号'],
    real_name: row['姓名'],
    password: row['初始密码'],
  }))
}
