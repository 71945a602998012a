// The roster import's preview: what confirming will do, and every bad row once with all
// its problems.
import { describe, expect, it } from 'vitest'
import type { RosterReport } from '@/console/api/org'
import { passwordsOf, preview } from '@/console/views/org/import/preview'

function report(extra: Partial<RosterReport>): RosterReport {
  return {
    total: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    error_count: 0,
    rows: [],
    errors: {},
    dry_run: true,
    strict: false,
    applied: false,
    ...extra,
  }
}

describe('roster import preview', () => {
  it('groups problems by row in file order and offers to skip the bad rows', () => {
    const summary = preview(
      report({
        total: 5,
        created: 3,
        updated: 1,
        error_count: 1,
        rows: [
          { row: 4, field: '手机号', message: '手机号格式不正确：123（应为 11 位手机号）' },
          { row: 4, field: '单位', message: '单位不存在：青山县/无此镇' },
        ],
      }),
    )
    expect(summary.rows).toEqual([
      {
        row: 4,
        problems: [
          { field: '手机号', message: '手机号格式不正确：123（应为 11 位手机号）' },
          { field: '单位', message: '单位不存在：青山县/无此镇' },
        ],
      },
    ])
    expect(summary.canConfirm).toBe(true)
    expect(summary.confirmLabel).toBe('跳过 1 个错误行，导入其余 4 人')
    expect(summary.verdict).toContain('跳过 1 个有错误的行')
  })

  it('a clean file is confirmed as it is', () => {
    const summary = preview(report({ total: 2, created: 2 }))
    expect(summary.canConfirm).toBe(true)
    expect(summary.confirmLabel).toBe('确认导入 2 人')
    expect(summary.rows).toEqual([])
  })

  it('nothing to write cannot be confirmed, and says why', () => {
    expect(preview(report({ total: 2, unchanged: 2 }))).toMatchObject({
      canConfirm: false,
      verdict: '文件与系统中的人员完全一致，无需导入。',
    })
    expect(
      preview(report({ total: 1, error_count: 1, rows: [{ row: 2, field: '工号', message: '缺少工号' }] })),
    ).toMatchObject({ canConfirm: false, verdict: '所有数据行都有错误，请修改文件后重新上传。' })
  })

  it('reads the one-time passwords of a confirmed import', () => {
    const applied = report({
      dry_run: false,
      created: 1,
      initial_passwords: [{ 工号: '0012', 姓名: '王建国', 初始密码: 'Abc23456defg' }],
    })
    expect(passwordsOf(applied)).toEqual([{ username: '0012', real_name: '王建国', password: 'Abc23456defg' }])
    expect(passwordsOf(report({}))).toEqual([])
  })
})
