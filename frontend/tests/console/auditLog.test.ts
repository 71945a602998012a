// 操作日志: the filter form ↔ the URL's (and the API's) parameters, and an entry's detail
// read in Chinese rather than as raw JSON.
import { describe, expect, it } from 'vitest'
import { parseQuery, toParams, toQuery } from '@/console/composables/tableQuery'
import { formatTime } from '@/console/format'
import { describeDetail, formatValue } from '@/console/views/audit/detail'
import {
  actionGroups,
  dateShortcuts,
  filtersFromRange,
  joinCodes,
  rangeFromFilters,
  shanghaiDay,
  splitCodes,
} from '@/console/views/audit/filters'

const SCHEMA = { date_from: 'string', date_to: 'string', action: 'string', actor: 'number' } as const

describe('dates are Shanghai days', () => {
  it('counts the day in Asia/Shanghai, not UTC', () => {
    // 2026-03-01 17:30 UTC is already 2 March in Shanghai.
    const late = new Date(Date.UTC(2026, 2, 1, 17, 30))
    expect(shanghaiDay(late)).toBe('2026-03-02')
    expect(shanghaiDay(late, 2)).toBe('2026-02-28')
    expect(shanghaiDay(new Date(Date.UTC(2026, 2, 1, 15, 59)))).toBe('2026-03-01')
  })

  it('entries show their time to the second, in Shanghai', () => {
    expect(formatTime('2026-03-01T17:30:05Z', { seconds: true })).toBe('2026-03-02 01:30:05')
    expect(formatTime('2026-03-01T17:30:05Z')).toBe('2026-03-02 01:30')
  })

  it('a picked range becomes date_from and date_to, and survives the URL round trip', () => {
    const filters = { ...filtersFromRange(['2026-05-01', '2026-05-07']), action: undefined, actor: undefined }
    const query = toQuery({ filters, page: 1, pageSize: 20, ordering: '' }, 20)
    expect(query).toEqual({ date_from: '2026-05-01', date_to: '2026-05-07' })
    const back = parseQuery(query as Record<string, string>, SCHEMA, 20)
    expect(rangeFromFilters(back.filters.date_from, back.filters.date_to, '2026-06-01', '2025-12-03')).toEqual([
      '2026-05-01',
      '2026-05-07',
    ])
    expect(toParams(back).get('date_to')).toBe('2026-05-07')
  })

  it('clearing the picker clears both dates', () => {
    expect(filtersFromRange(null)).toEqual({ date_from: undefined, date_to: undefined })
    expect(rangeFromFilters(undefined, undefined, '2026-06-01', '2025-12-03')).toBeNull()
  })

  it('a range open at one end shows what it means: up to today, or from the oldest day kept', () => {
    expect(rangeFromFilters('2026-05-01', undefined, '2026-06-01', '2025-12-03')).toEqual(['2026-05-01', '2026-06-01'])
    expect(rangeFromFilters(undefined, '2026-05-01', '2026-06-01', '2025-12-03')).toEqual(['2025-12-03', '2026-05-01'])
  })

  it('quick ranges end today and include it', () => {
    const now = () => new Date(Date.UTC(2026, 5, 10, 20, 0)) // 11 June in Shanghai
    const [today, week, , all] = dateShortcuts(180, now)
    const days = (value: () => Date[]) =>
      value().map((d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`)
    expect(days(today!.value)).toEqual(['2026-06-11', '2026-06-11'])
    expect(days(week!.value)).toEqual(['2026-06-05', '2026-06-11'])
    expect(all!.text).toBe('全部（180 天内）')
  })
})

describe('actions: codes and prefixes', () => {
  it('the multi-select and the comma-separated parameter map both ways', () => {
    expect(splitCodes('user., auth.login,,user.')).toEqual(['user.', 'auth.login'])
    expect(splitCodes(undefined)).toEqual([])
    expect(joinCodes(['user.', 'auth.login'])).toBe('user.,auth.login')
    expect(joinCodes([])).toBeUndefined()
    const query = toQuery(
      { filters: { date_from: undefined, date_to: undefined, actor: 7, action: joinCodes(['user.']) }, page: 1, pageSize: 20, ordering: '' },
      20,
    )
    expect(query).toEqual({ actor: '7', action: 'user.' })
  })

  it('groups the catalogue by prefix, each group led by its "全部" prefix option', () => {
    const groups = actionGroups(
      [
        { code: 'auth.login', label: '登录成功' },
        { code: 'user.create', label: '新建用户' },
        { code: 'auth.login_failed', label: '登录失败' },
        { code: 'user.reset_password', label: '重置密码' },
        { code: 'admin.password_change', label: '管理后台设置用户密码' },
      ],
      [{ code: 'user', label: '用户' }],
    )
    expect(groups.map((g) => [g.prefix, g.label])).toEqual([
      ['auth.', '登录与账号安全'],
      ['user.', '用户'],
      ['admin.', '管理后台'],
    ])
    expect(groups[1]!.options.map((o) => o.code)).toEqual(['user.', 'user.create', 'user.reset_password'])
    expect(groups[1]!.options[0]!.label).toBe('全部：用户')
  })
})

describe('an entry read in Chinese', () => {
  it('names the fields sent, with 是/否 for flags and a note for what was left out', () => {
    const sections = describeDetail({
      fields: { is_reviewer: true, position: '会计', admin_units: [3, 5], text: '…', unknown_field: null },
      channel: '网页',
    })
    expect(sections.map((s) => s.title)).toEqual(['登录方式', '提交的内容'])
    const fields = sections[1]!
    expect(fields.kind === 'pairs' && fields.pairs).toEqual([
      { key: 'is_reviewer', label: '评审员', value: '是' },
      { key: 'position', label: '职务', value: '会计' },
      { key: 'admin_units', label: '管理范围', value: '3、5' },
      { key: 'text', label: '正文', value: '（内容较长，未记录）' },
      { key: 'unknown_field', label: 'unknown_field', value: '（空）' },
    ])
  })

  it('shows an import: options, the file, the counts', () => {
    const sections = describeDetail({
      query: { dry_run: 'true', create_units: 'false' },
      files: ['花名册.xlsx'],
      result: { total: 3, created: 2, error_count: 1 },
    })
    expect(sections.map((s) => [s.title, s.kind])).toEqual([
      ['请求参数', 'pairs'],
      ['上传的文件', 'list'],
      ['处理结果', 'pairs'],
    ])
    const [query, files, result] = sections
    expect(query!.kind === 'pairs' && query!.pairs.map((p) => `${p.label}=${p.value}`)).toEqual([
      '仅检查，不导入=是',
      '自动新建单位=否',
    ])
    expect(files!.kind === 'list' && files!.items).toEqual(['花名册.xlsx'])
    expect(result!.kind === 'pairs' && result!.pairs.map((p) => `${p.label}=${p.value}`)).toEqual([
      '总行数=3',
      '新增=2',
      '错误行数=1',
    ])
  })

  it('a refusal shows its reason; empty parts and keys we do not know still read', () => {
    const sections = describeDetail({ error: '该单位不在您的管理范围内', fields: {}, extra: { nested: { a: 1 } } })
    expect(sections).toEqual([
      { key: 'error', title: '拒绝原因', kind: 'text', text: '该单位不在您的管理范围内' },
      { key: 'extra', title: 'extra', kind: 'pairs', pairs: [{ key: 'nested', label: 'nested', value: 'a：1' }] },
    ])
    expect(describeDetail({})).toEqual([])
    expect(formatValue([])).toBe('（无）')
  })
})
