// The question import's preview and its column-mapping step.
import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../src/console/api/banks'
import { mappingProblems, mappingRows, summarize, toMapping } from '../../src/console/views/banks/importPreview'

function report(changes: Partial<ImportReport>): ImportReport {
  return {
    total: 3,
    created: 3,
    updated: 0,
    unchanged: 0,
    error_count: 0,
    rows: [],
    errors: {},
    dry_run: true,
    strict: false,
    applied: false,
    skipped: [],
    duplicates: [],
    needs_mapping: false,
    ...changes,
  }
}

describe('summarize', () => {
  it('a clean file can be confirmed', () => {
    const s = summarize(report({}))
    expect(s.canConfirm).toBe(true)
    expect(s.confirmLabel).toBe('确认导入 3 道')
    expect(s.verdict).toBe('确认后将导入 3 道试题。')
  })

  it('the same file again: every row skipped, nothing to confirm', () => {
    const s = summarize(
      report({
        created: 0,
        unchanged: 3,
        skipped: [
          { row: 2, question: 11 },
          { row: 3, question: 12 },
          { row: 4, question: 13 },
        ],
      }),
    )
    expect(s.canConfirm).toBe(false)
    expect(s.skipped).toBe(3)
    expect(s.verdict).toMatch('不会重复导入')
    expect(s.skippedRows[0]).toEqual({ row: 2, reason: '与题库中已有试题（编号 11）完全相同' })
  })

  it('names repeated rows and bad rows', () => {
    const s = summarize(
      report({
        created: 1,
        error_count: 1,
        skipped: [{ row: 4, same_row: 2 }],
        rows: [
          { row: 3, field: '答案', message: '缺少答案' },
          { row: 3, field: '题型', message: '未知题型' },
        ],
      }),
    )
    expect(s.verdict).toBe('确认后将导入 1 道试题，跳过 1 道重复的试题，跳过 1 个有错误的行。')
    expect(s.skippedRows).toEqual([{ row: 4, reason: '与第 2 行完全相同' }])
    expect(s.rows).toEqual([
      {
        row: 3,
        problems: [
          { field: '答案', message: '缺少答案' },
          { field: '题型', message: '未知题型' },
        ],
      },
    ])
  })
})

describe('column mapping', () => {
  const headers = ['题目', '类型', '选项', '正确答案', '备注', '']
  const required = ['题型', '题干', '答案']

  it('starts from the suggestion, leaving the rest out', () => {
    const rows = mappingRows(headers, { 题目: '题干', 类型: '题型', 正确答案: '答案' })
    expect(rows).toEqual([
      { header: '题目', target: '题干' },
      { header: '类型', target: '题型' },
      { header: '选项', target: '' },
      { header: '正确答案', target: '答案' },
      { header: '备注', target: '' },
    ])
    expect(mappingProblems(rows, required)).toEqual([])
    expect(toMapping(rows)).toEqual({ 题目: '题干', 类型: '题型', 选项: '', 正确答案: '答案', 备注: '' })
  })

  it('names a missing required column and a column used twice', () => {
    const rows = [
      { header: '题目', target: '题干' },
      { header: '类型', target: '题干' },
    ]
    expect(mappingProblems(rows, required)).toEqual([
      '“题干”只能对应一列（现对应：题目、类型）',
      '请为“题型”选择对应的列',
      '请为“答案”选择对应的列',
    ])
  })
})
