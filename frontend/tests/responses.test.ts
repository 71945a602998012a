import { describe, expect, it } from 'vitest'
import { describeKey, describeResponse, isAnswered } from '@/exam/responses'

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
