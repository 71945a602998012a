import { describe, expect, it } from 'vitest'
import { joinParts, levelRanges } from '@/cases/labels'

describe('case text', () => {
  it('leaves out empty parts instead of writing "匿名作者 · · 83 分"', () => {
    expect(joinParts('匿名作者', '', '83 分')).toBe('匿名作者 · 83 分')
    expect(joinParts('王建国', '甲镇/一村', null)).toBe('王建国 · 甲镇/一村')
  })

  it('shows rubric bands as the ranges they cover, not "差（0 分以上）"', () => {
    const bands = levelRanges(
      [
        { label: '差', min: '0' },
        { label: '优', min: '18' },
        { label: '中', min: '10' },
        { label: '良', min: '14' },
      ],
      '20',
    )
    expect(bands.map((b) => `${b.label}（${b.range}）`)).toEqual([
      '优（18–20 分）',
      '良（14–17 分）',
      '中（10–13 分）',
      '差（0–9 分）',
    ])
  })
})
