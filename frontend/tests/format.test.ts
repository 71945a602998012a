import { describe, expect, it } from 'vitest'
import { formatCountdown, formatDateTime, formatScore, shanghaiHour } from '@/utils/format'
import { describeResponse, isAnswered, toggleKey } from '@/exam/responses'

describe('formatting', () => {
  it('shows times in Asia/Shanghai whatever the device zone', () => {
    expect(formatDateTime('2026-06-01T01:05:00Z')).toBe('6月1日 09:05')
    expect(formatDateTime('2026-06-01T17:30:00+00:00')).toBe('6月2日 01:30')
    expect(shanghaiHour(new Date('2026-06-01T20:00:00Z'))).toBe(4)
    expect(formatDateTime(null)).toBe('')
  })

  it('formats the countdown', () => {
    expect(formatCountdown(0)).toBe('00:00')
    expect(formatCountdown(65.9)).toBe('01:05')
    expect(formatCountdown(3600 + 61)).toBe('1:01:01')
    expect(formatCountdown(-5)).toBe('00:00')
  })

  it('trims score decimals for display only', () => {
    expect(formatScore('85.50')).toBe('85.5')
    expect(formatScore('60.00')).toBe('60')
    expect(formatScore('100')).toBe('100')
    expect(formatScore(null)).toBe('—')
  })
})

describe('responses', () => {
  it('decides what counts as answered per question type', () => {
    expect(isAnswered('single', 'B')).toBe(true)
    expect(isAnswered('single', '')).toBe(false)
    expect(isAnswered('multiple', [])).toBe(false)
    expect(isAnswered('multiple', ['A'])).toBe(true)
    expect(isAnswered('true_false', false)).toBe(true)
    expect(isAnswered('true_false', null)).toBe(false)
    expect(isAnswered('fill_in', ['', ' '])).toBe(false)
    expect(isAnswered('fill_in', ['', '十八'])).toBe(true)
    expect(isAnswered('short_answer', '  ')).toBe(false)
    expect(isAnswered('case_analysis', undefined)).toBe(false)
  })

  it('toggles multiple-choice keys in display order', () => {
    expect(toggleKey(undefined, 'C')).toEqual(['C'])
    expect(toggleKey(['C'], 'A')).toEqual(['A', 'C'])
    expect(toggleKey(['A', 'C'], 'C')).toEqual(['A'])
  })

  it('describes responses in Chinese', () => {
    expect(describeResponse('true_false', false)).toBe('错误')
    expect(describeResponse('multiple', ['C', 'A'])).toBe('A、C')
    expect(describeResponse('single', null)).toBe('未作答')
    expect(describeResponse('fill_in', ['甲', ''])).toBe('(1) 甲  (2) —')
  })
})
