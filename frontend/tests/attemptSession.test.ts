import { IDBFactory } from 'fake-indexeddb'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import type { AnswerInput, Attempt, SubmitReply } from '@/api/types'

const api = vi.hoisted(() => ({
  attempt: vi.fn(),
  saveAnswer: vi.fn(),
  saveBatch: vi.fn(),
  submit: vi.fn(),
  event: vi.fn(),
  clock: vi.fn(),
}))
vi.mock('@/api/exams', () => ({ examsApi: api }))

const { AnswerQueue } = await import('@/exam/answerQueue')
const { loadCachedAttempt, saveCachedAttempt } = await import('@/exam/attemptCache')
const { resetExamStoreForTests } = await import('@/exam/db')
const { useAttemptSession } = await import('@/exam/useAttemptSession')

const offline = () => new ApiError(0, '网络连接失败，请检查网络后重试', 'network')

function makeAttempt(answers: Attempt['answers'] = {}): Attempt {
  const q = (id: number, position: number) => ({
    id,
    position,
    type: 'single' as const,
    stem_html: `<p>题目 ${position}</p>`,
    options: [
      { key: 'A', html: '甲' },
      { key: 'B', html: '乙' },
    ],
    blanks: 0,
    points: '10.00',
    section: '',
  })
  const now = new Date()
  return {
    id: 5,
    exam: { id: 1, title: '测试考试', kind: 'formal', score_release: 'immediate', answer_release: 'immediate' },
    status: 'in_progress',
    started_at: now.toISOString(),
    deadline: new Date(now.getTime() + 30 * 60_000).toISOString(),
    server_now: now.toISOString(),
    submitted_at: null,
    submit_reason: null,
    questions: [q(1, 1), q(2, 2), q(3, 3)],
    answers,
    flagged: [],
    focus_loss_count: 0,
    focus_loss_limit: null,
    result: null,
  }
}

function showPage(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
  document.dispatchEvent(new Event('visibilitychange'))
}

function submitReply(extra: Partial<SubmitReply> = {}): SubmitReply {
  return {
    id: 5,
    status: 'submitted',
    submitted_at: new Date().toISOString(),
    submit_reason: 'manual',
    score_visible: true,
    score: '10.00',
    max_score: '30.00',
    passed: false,
    pending_review: false,
    ...extra,
  }
}

const ack = (i: AnswerInput) => ({ device: '', ...i, saved_at: 'now', accepted: true })

describe('useAttemptSession', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory()
    resetExamStoreForTests()
    localStorage.clear()
    for (const fn of Object.values(api)) fn.mockReset()
  })

  it('renders from the cached copy offline, with queued answers on top', async () => {
    await saveCachedAttempt(makeAttempt({ '1': { response: 'A', seq: 3, saved_at: 'x' } }))
    api.saveAnswer.mockRejectedValue(offline())
    api.saveBatch.mockRejectedValue(offline())
    const before = await AnswerQueue.open(5, {
      transport: { putOne: api.saveAnswer, putMany: api.saveBatch },
      serverSeq: 3,
    })
    await before.answer(1, 'B')
    before.close()

    api.attempt.mockRejectedValue(offline())
    const session = useAttemptSession(5)
    const loaded = await session.load()
    session.stop()
    expect(loaded?.id).toBe(5)
    expect(session.fromCache.value).toBe(true)
    expect(session.answers[1]).toBe('B')
    expect(session.queueState.value.pendingCount).toBe(1)
    expect(session.unanswered.value.map((q) => q.id)).toEqual([2, 3])
  })

  it('shows an error, not a blank page, when offline with nothing cached', async () => {
    api.attempt.mockRejectedValue(offline())
    const session = useAttemptSession(5)
    expect(await session.load()).toBeNull()
    expect(session.loadError.value).toBe('网络连接失败，请检查网络后重试')
  })

  it('prefers the server answer when another device saved a newer one', async () => {
    api.attempt.mockResolvedValue(makeAttempt({ '2': { response: 'A', seq: 20, saved_at: 'x' } }))
    api.saveAnswer.mockImplementation(async (_a: number, input: AnswerInput) => ack(input))
    const session = useAttemptSession(5)
    await session.load()
    expect(session.answers[2]).toBe('A')
    await session.setAnswer(3, 'B')
    await session.flush()
    session.stop()
    // New changes are numbered above what the server holds, and carry this device's id.
    const [attemptId, sent] = api.saveAnswer.mock.calls[0] as [number, AnswerInput]
    expect(attemptId).toBe(5)
    expect(sent).toMatchObject({ question_id: 3, response: 'B', device: expect.stringMatching(/^[0-9a-f]{16}$/) })
    expect(sent.seq).toBeGreaterThan(20)
  })

  it('numbers changes by server time, so a later change on another device wins', async () => {
    // Another device answered question 2 with a plain counter a minute into the exam.
    const attempt = makeAttempt({ '2': { response: 'A', seq: 1, saved_at: 'x' } })
    attempt.started_at = new Date(Date.now() - 60_000).toISOString()
    api.attempt.mockResolvedValue(attempt)
    api.saveAnswer.mockImplementation(async (_a: number, input: AnswerInput) => ack(input))
    const session = useAttemptSession(5)
    await session.load()
    await session.setAnswer(2, 'B')
    await session.flush()
    session.stop()
    // Not 2 (one more than the other device's counter): server milliseconds × 1000.
    const sent = api.saveAnswer.mock.calls[0]![1] as AnswerInput
    expect(sent.seq).toBeGreaterThanOrEqual(60_000 * 1000)
  })

  it('sends queued answers before submitting', async () => {
    api.attempt.mockResolvedValue(makeAttempt())
    const order: string[] = []
    api.saveAnswer.mockImplementation(async (_a: number, input: AnswerInput) => {
      order.push(`save ${input.question_id}`)
      return ack(input)
    })
    api.submit.mockImplementation(async () => {
      order.push('submit')
      return submitReply()
    })
    const session = useAttemptSession(5)
    await session.load()
    void session.setAnswer(1, 'A')
    const done = await session.submit()
    expect(done.status).toBe('submitted')
    expect(order).toEqual(['save 1', 'submit'])
  })

  it('an idle page shown again learns a moved deadline without any save', async () => {
    const attempt = makeAttempt()
    api.attempt.mockResolvedValue(attempt)
    const later = new Date(Date.parse(attempt.deadline) + 15 * 60_000).toISOString()
    api.clock.mockResolvedValue({ status: 'in_progress', deadline: later, server_now: new Date().toISOString() })
    const session = useAttemptSession(5)
    await session.load()
    expect(session.remainingMs.value).toBeLessThanOrEqual(30 * 60_000)
    showPage('hidden')
    showPage('visible')
    await new Promise((resolve) => setTimeout(resolve, 0))
    session.stop()
    expect(api.clock).toHaveBeenCalledWith(5)
    expect(api.saveAnswer).not.toHaveBeenCalled()
    expect(session.remainingMs.value).toBeGreaterThan(44 * 60_000)
  })

  it('an exam closed meanwhile ends the page instead of counting on', async () => {
    api.attempt.mockResolvedValue(makeAttempt())
    api.clock.mockResolvedValue({ status: 'submitted', deadline: new Date().toISOString(), server_now: new Date().toISOString() })
    const onClosedByServer = vi.fn()
    const onExpire = vi.fn()
    const session = useAttemptSession(5, { onClosedByServer, onExpire })
    await session.load()
    showPage('hidden')
    showPage('visible')
    await new Promise((resolve) => setTimeout(resolve, 0))
    session.stop()
    expect(onClosedByServer).toHaveBeenCalledTimes(1)
    expect(onExpire).not.toHaveBeenCalled()
  })

  it('keeps the submitted copy with the light reply on top, for the result page offline', async () => {
    api.attempt.mockResolvedValue(makeAttempt())
    api.submit.mockResolvedValue(submitReply({ score: '20.00', passed: true }))
    const session = useAttemptSession(5)
    await session.load()
    const done = await session.submit()
    expect(api.attempt).toHaveBeenCalledTimes(1) // the reply is enough: nothing loaded again
    expect(done.questions).toHaveLength(3)
    expect(done.result).toMatchObject({ score_visible: true, score: '20.00', passed: true, items: [] })
    const cached = await loadCachedAttempt(5)
    expect(cached?.attempt.status).toBe('submitted')
    expect(cached?.attempt.submit_reason).toBe('manual')
    expect(cached?.attempt.result?.score).toBe('20.00')
  })

  it('keeps a held-back score held back in the submitted copy', async () => {
    api.attempt.mockResolvedValue(makeAttempt())
    api.submit.mockResolvedValue(submitReply({ score_visible: false, score: null, passed: null }))
    const session = useAttemptSession(5)
    await session.load()
    const done = await session.submit()
    expect(done.result?.score_visible).toBe(false)
    expect(done.result?.score).toBeNull()
  })

  it('keeps flags per attempt on this device', async () => {
    api.attempt.mockResolvedValue(makeAttempt())
    const first = useAttemptSession(5)
    first.toggleFlag(2)
    first.toggleFlag(3)
    first.toggleFlag(3)
    expect([...useAttemptSession(5).flags.value]).toEqual([2])
    expect(useAttemptSession(6).flags.value.size).toBe(0)
  })
})
