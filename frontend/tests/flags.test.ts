import { beforeEach, describe, expect, it } from 'vitest'
import { flagsUnsent, loadFlags, saveFlags } from '@/exam/flags'

describe('answer-sheet marks on this device', () => {
  beforeEach(() => localStorage.clear())

  it('keeps the marks and whether the server still has to hear of them', () => {
    saveFlags(7, new Set([3, 5]), true)
    expect([...loadFlags(7)]).toEqual([3, 5])
    expect(flagsUnsent(7)).toBe(true)
    saveFlags(7, new Set([3, 5]))
    expect(flagsUnsent(7)).toBe(false)
  })
})
