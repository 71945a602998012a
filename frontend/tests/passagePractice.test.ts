import { beforeEach, describe, expect, it, vi } from 'vitest'
import { trainingApi, type Feedback, type PracticeSessionDetail } from '@/api/training'
import { ApiError } from '@/api/http'
import { PASSAGE_ROUND_MAX, usePassagePractice } from '@/study/passagePractice'

function session(ids: number[]): PracticeSessionDetail {
  return {
    session: { id: 7, total: ids.length } as PracticeSessionDetail['session'],
    items: ids.map((id) => ({ question: { id } as PracticeSessionDetail['items'][0]['question'], feedback: null })),
  }
}

const feedback = (questionId: number, isCorrect: boolean) => ({ question_id: questionId, is_correct: isCorrect }) as Feedback

describe('练一练 under a passage', () => {
  beforeEach(() => {
    vi.restoreAllMocks()
  })

  it('starts a session scoped to the passage, capped at one round', async () => {
    const start = vi.spyOn(trainingApi, 'startPractice').mockResolvedValue(session([1, 2]))
    const p = usePassagePractice(42, 25)
    await p.start()
    expect(start).toHaveBeenCalledWith({ passage: 42, count: PASSAGE_ROUND_MAX })
    expect(p.progress.value).toEqual({ total: 2, done: 0, correct: 0, finished: false })
  })

  it('shows feedback only on the answered question, and counts right answers', async () => {
    vi.spyOn(trainingApi, 'startPractice').mockResolvedValue(session([1, 2]))
    const send = vi
      .spyOn(trainingApi, 'answerPractice')
      .mockResolvedValueOnce(feedback(1, true))
      .mockResolvedValueOnce(feedback(2, false))
    const p = usePassagePractice(42, 2)
    await p.start()
    await p.answer(1, 'B')
    expect(send).toHaveBeenCalledWith(7, 1, 'B')
    expect(p.detail.value?.items.map((i) => i.feedback?.is_correct ?? null)).toEqual([true, null])
    await p.answer(2, true)
    expect(p.progress.value).toEqual({ total: 2, done: 2, correct: 1, finished: true })
  })

  it('keeps the question open and explains a refused answer', async () => {
    vi.spyOn(trainingApi, 'startPractice').mockResolvedValue(session([1]))
    vi.spyOn(trainingApi, 'answerPractice').mockRejectedValue(new ApiError(409, '本题已作答，请继续下一题'))
    const p = usePassagePractice(42, 1)
    await p.start()
    await p.answer(1, 'A')
    expect(p.detail.value?.items[0]?.feedback).toBeNull()
    expect(p.error.value).toBe('本题已作答，请继续下一题')
  })

  it('reports a failed start without a session', async () => {
    vi.spyOn(trainingApi, 'startPractice').mockRejectedValue(new ApiError(400, '所选范围内暂无可练习的题目'))
    const p = usePassagePractice(42, 1)
    await p.start()
    expect(p.detail.value).toBeNull()
    expect(p.error.value).toBe('所选范围内暂无可练习的题目')
  })
})
