import { describe, expect, it } from 'vitest'
import { describeChoice, describeKey, describeResponse, isAnswered } from '@/exam/responses'

describe('result page answers', () => {
  it("shows an exam's fill-in key with every accepted text per blank", () => {
    expect(describeKey('fill_in', [['乡村振兴', '振兴乡村'], ['ABC']])).toBe('(1) 乡村振兴／振兴乡村  (2) ABC')
  })

  it('shows other keys like responses', () => {
    expect(describeKey('multiple', ['C', 'A'])).toBe('A、C')
    expect(describeKey('true_false', true)).toBe('正确')
    expect(describeKey('fill_in', ['三年'])).toBe('(1) 三年')
  })

  it('does not throw on a fill-in value that is not a list of strings', () => {
    expect(isAnswered('fill_in', [['a']] as unknown as string[])).toBe(false)
    expect(describeResponse('fill_in', [['a']] as unknown as string[])).toBe('未作答')
  })
})

describe('choice answers with their option text', () => {
  const shown = [
    { key: 'A', text: '每月' },
    { key: 'B', text: '每季度' },
    { key: 'C', text: '每年' },
  ]
  it('shows the letter the cadre saw together with its text', () => {
    expect(describeChoice('single', 'B', shown)).toBe('B．每季度')
    expect(describeChoice('multiple', ['C', 'A'], shown)).toBe('A．每月；C．每年')
  })
  it('falls back to the plain description for other types and empty answers', () => {
    expect(describeChoice('single', null, shown)).toBe('未作答')
    expect(describeChoice('fill_in', [['三年']], undefined, true)).toBe('(1) 三年')
  })
})
