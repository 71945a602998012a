import { describe, expect, it } from 'vitest'
import type { ExamCard } from '@/api/types'
import { canTake } from '@/views/exam/useMyExams'

const exam = (over: Partial<ExamCard>): ExamCard =>
  ({ state: 'open', attempts_used: 0, attempts_allowed: 1, in_progress_attempt: null, ...over }) as ExamCard

describe('home: 正在进行的考试', () => {
  it('lists an open exam with attempts left or an attempt to resume', () => {
    expect(canTake(exam({}))).toBe(true)
    expect(canTake(exam({ attempts_used: 1, in_progress_attempt: 7 }))).toBe(true)
  })
  it('leaves out an exam whose attempts are used up, or that is not open', () => {
    expect(canTake(exam({ attempts_used: 1 }))).toBe(false)
    expect(canTake(exam({ state: 'closed' }))).toBe(false)
    expect(canTake(exam({ state: 'upcoming' }))).toBe(false)
  })
})
