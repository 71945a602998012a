// @vitest-environment node
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'
import type { AnswerAck, AnswerInput } from '@/api/types'
import { AnswerQueue, backoffDelay, type QueueTransport } from '@/exam/answerQueue'
import { resetExamStoreForTests } from '@/exam/db'

type Outcome = 'ok' | 'offline' | 'server' | 'time_up' | 'bad' | ((input: AnswerInput) => AnswerAck)

/** A fake server: keeps the highest (seq, device) per question, like the real one. */
class FakeServer implements QueueTransport {
  stored = new Map<number, AnswerAck>()
  calls: { kind: 'put' | 'batch'; inputs: AnswerInput[]; at: number }[] = []
  outcomes: Outcome[] = []
  fallback: Outcome = 'ok'

  private next(): Outcome {
    return this.outcomes.shift() ?? this.fallback
  }

  private apply(input: AnswerInput): AnswerAck {
    const known = this.stored.get(input.question_id)
    const device = input.device ?? ''
    if (known && (known.seq > input.seq || (known.seq === input.seq && known.device >= device))) {
      return { ...known, accepted: false }
    }
    const ack = { ...input, device, saved_at: '2026-06-01T01:00:00Z', accepted: true }
    this.stored.set(input.question_id, ack)
    return ack
  }

  private async handle(inputs: AnswerInput[]): Promise<AnswerAck[]> {
    const outcome = this.next()
    if (outcome === 'offline') throw new ApiError(0, '网络连接失败，请检查网络后重试', 'network')
    if (outcome === 'server') throw new ApiError(503, '服务器暂时无法处理请求，请稍后再试')
    if (outcome === 'time_up') throw new ApiError(409, '考试时间已到，本次作答未能保存', 'time_up')
    if (outcome === 'bad') throw new ApiError(400, '选项不存在', undefined, { response: ['选项不存在'] })
    if (typeof outcome === 'function') return inputs.map(outcome)
    return inputs.map((i) => this.apply(i))
  }

  putOne = async (input: AnswerInput) => {
    this.calls.push({ kind: 'put', inputs: [input], at: Date.now() })
    return (await this.handle([input]))[0]!
  }

  putMany = async (inputs: AnswerInput[]) => {
    this.calls.push({ kind: 'batch', inputs, at: Date.now() })
    return this.handle(inputs)
  }
}

/** Let IndexedDB (real setImmediate) and promise chains run until `done` holds. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (done()) return
    await new Promise((resolve) => setImmediate(resolve))
  }
  throw new Error('condition not reached')
}

const noJitter = () => 0

describe('AnswerQueue', () => {
  let server: FakeServer

  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory()
    resetExamStoreForTests()
    server = new FakeServer()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    vi.setSystemTime(new Date('2026-06-01T01:00:00Z'))
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('sends a single change by PUT with the next seq', async () => {
    const queue = await AnswerQueue.open(7, { transport: server })
    await queue.answer(11, 'B')
    await vi.advanceTimersByTimeAsync(0)
    await until(() => queue.snapshot().status === 'idle')
    expect(server.calls).toEqual([{ kind: 'put', inputs: [{ question_id: 11, response: 'B', seq: 1 }], at: expect.any(Number) }])
    expect(queue.pendingCount).toBe(0)
    expect(queue.acked()['11']).toMatchObject({ response: 'B', seq: 1 })
  })

  it('sends only the latest change per question, in seq order, by the batch endpoint', async () => {
    server.fallback = 'offline'
    const queue = await AnswerQueue.open(7, { transport: server, random: noJitter })
    await queue.answer(1, 'A')
    await vi.advanceTimersByTimeAsync(0)
    await until(() => queue.snapshot().status === 'offline')
    await queue.answer(2, ['A', 'C'])
    await queue.answer(1, 'D')
    await queue.answer(3, true)
    expect(queue.pending().map((p) => [p.questionId, p.seq])).toEqual([
      [2, 2],
      [1, 3],
      [3, 4],
    ])
    server.fallback = 'ok'
    await queue.flushNow()
    const last = server.calls.at(-1)!
    expect(last.kind).toBe('batch')
    expect(last.inputs).toEqual([
      { question_id: 2, response: ['A', 'C'], seq: 2 },
      { question_id: 1, response: 'D', seq: 3 },
      { question_id: 3, response: true, seq: 4 },
    ])
    expect(server.stored.get(1)?.response).toBe('D')
    expect(queue.snapshot()).toMatchObject({ status: 'idle', pendingCount: 0 })
  })

  it('retries with exponential backoff plus jitter while offline, then delivers', async () => {
    server.outcomes = ['offline', 'offline', 'server']
    const queue = await AnswerQueue.open(7, {
      transport: server,
      backoff: { baseMs: 1000, maxMs: 30000 },
      random: noJitter,
    })
    await queue.answer(5, 'C')
    await vi.advanceTimersByTimeAsync(0)
    await until(() => server.calls.length === 1 && queue.snapshot().status === 'offline')
    expect(queue.snapshot().lastError).toContain('网络')

    // attempt 0: exp 1000 → 500 ms with no jitter
    await vi.advanceTimersByTimeAsync(499)
    expect(server.calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await until(() => server.calls.length === 2 && queue.snapshot().status === 'offline')

    // attempt 1: exp 2000 → 1000 ms
    await vi.advanceTimersByTimeAsync(999)
    expect(server.calls).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    await until(() => server.calls.length === 3 && queue.snapshot().status === 'retrying')

    // attempt 2 (after a 503): exp 4000 → 2000 ms, then the server answers
    await vi.advanceTimersByTimeAsync(1999)
    expect(server.calls).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(1)
    await until(() => queue.snapshot().status === 'idle')
    expect(server.calls).toHaveLength(4)
    expect(server.stored.get(5)).toMatchObject({ response: 'C', seq: 1 })
    expect(queue.snapshot().lastError).toBe('')
  })

  it('computes backoff delays within the jitter range and under the cap', () => {
    const opts = { baseMs: 1000, maxMs: 8000 }
    expect(backoffDelay(0, opts, () => 0)).toBe(500)
    expect(backoffDelay(0, opts, () => 0.999)).toBe(1000)
    expect(backoffDelay(2, opts, () => 0.5)).toBe(3000)
    for (let n = 0; n < 12; n++) {
      const d = backoffDelay(n, opts, Math.random)
      expect(d).toBeGreaterThanOrEqual(Math.min(8000, 1000 * 2 ** n) / 2)
      expect(d).toBeLessThanOrEqual(8000)
    }
  })

  it('stops and reports on 409 time_up, and refuses further answers', async () => {
    server.outcomes = ['time_up']
    const changes: string[] = []
    const queue = await AnswerQueue.open(7, { transport: server, onChange: (s) => changes.push(s.status) })
    await queue.answer(1, 'A')
    await vi.advanceTimersByTimeAsync(0)
    await until(() => queue.snapshot().status === 'stopped')
    expect(queue.snapshot()).toMatchObject({ stopCode: 'time_up', lastError: '考试时间已到，本次作答未能保存' })
    await expect(queue.answer(2, 'B')).rejects.toMatchObject({ code: 'time_up' })
    await vi.advanceTimersByTimeAsync(60000)
    expect(server.calls).toHaveLength(1)
    expect(changes).toContain('stopped')
  })

  it('survives a reload: a re-opened queue restores pending answers and keeps counting seq', async () => {
    server.fallback = 'offline'
    const first = await AnswerQueue.open(9, { transport: server, random: noJitter })
    await first.answer(1, 'A')
    await first.answer(2, ['甲', '乙'])
    first.close()

    server.fallback = 'ok'
    const second = await AnswerQueue.open(9, { transport: server })
    expect(second.pending().map((p) => [p.questionId, p.seq])).toEqual([
      [1, 1],
      [2, 2],
    ])
    await second.answer(3, 'text')
    expect(second.pending().at(-1)?.seq).toBe(3)
    await vi.advanceTimersByTimeAsync(0)
    await until(() => second.pendingCount === 0 && second.snapshot().status === 'idle')
    expect([...server.stored.keys()].sort()).toEqual([1, 2, 3])

    // After the acknowledgement a third open finds nothing left to send.
    const third = await AnswerQueue.open(9, { transport: server })
    expect(third.pendingCount).toBe(0)
    expect(third.acked()['2']).toMatchObject({ response: ['甲', '乙'], seq: 2 })
  })

  it('keeps queues of different attempts apart', async () => {
    server.fallback = 'offline'
    const a = await AnswerQueue.open(1, { transport: server })
    await a.answer(1, 'A')
    a.close()
    const b = await AnswerQueue.open(2, { transport: server })
    expect(b.pendingCount).toBe(0)
  })

  it('numbers new changes above the seq the server already holds (another device)', async () => {
    const queue = await AnswerQueue.open(7, { transport: server, serverSeq: 41 })
    const entry = await queue.answer(1, 'A')
    expect(entry.seq).toBe(42)
  })

  it('drops a change the server already superseded and reports the server answer', async () => {
    server.stored.set(1, { question_id: 1, response: 'C', seq: 10, device: '', saved_at: 'x', accepted: true })
    const seen: [number, unknown][] = []
    const queue = await AnswerQueue.open(7, {
      transport: server,
      onServerAnswer: (id, ans) => seen.push([id, ans.response]),
    })
    await queue.answer(1, 'A')
    await vi.advanceTimersByTimeAsync(0)
    await until(() => queue.snapshot().status === 'idle')
    expect(queue.pendingCount).toBe(0)
    expect(seen).toEqual([[1, 'C']])
    expect(queue.acked()['1']).toMatchObject({ response: 'C', seq: 10 })
    expect((await queue.answer(1, 'B')).seq).toBe(11)
  })

  it('shows the answer the server kept when another device sent the same seq', async () => {
    // The other device (a higher id) saved seq 1 first; this one also counts from 1.
    server.stored.set(4, { question_id: 4, response: 'D', seq: 1, device: 'phone-z', saved_at: 'x', accepted: true })
    const seen: [number, unknown][] = []
    const queue = await AnswerQueue.open(7, {
      transport: server,
      device: 'phone-a',
      onServerAnswer: (id, ans) => seen.push([id, ans.response]),
    })
    await queue.answer(4, 'A')
    await vi.advanceTimersByTimeAsync(0)
    await until(() => queue.snapshot().status === 'idle')
    expect(seen).toEqual([[4, 'D']])
    expect(queue.acked()['4']).toMatchObject({ response: 'D', seq: 1 })
    expect(queue.pendingCount).toBe(0)
  })

  it('does not report its own answer back when a retry finds it already stored', async () => {
    const seen: unknown[] = []
    const queue = await AnswerQueue.open(7, {
      transport: server,
      device: 'phone-a',
      onServerAnswer: (id) => seen.push(id),
    })
    // The first send was stored but its reply was lost; the retry is not accepted again.
    server.stored.set(4, { question_id: 4, response: 'A', seq: 1, device: 'phone-a', saved_at: 'x', accepted: true })
    await queue.answer(4, 'A')
    await vi.advanceTimersByTimeAsync(0)
    await until(() => queue.snapshot().status === 'idle')
    expect(seen).toEqual([])
  })

  it('takes its seqs from the hybrid clock when that is ahead of the counter', async () => {
    let base = 5_000_000
    const queue = await AnswerQueue.open(7, { transport: server, device: 'phone-a', seqClock: () => base })
    expect((await queue.answer(1, 'A')).seq).toBe(5_000_000)
    expect((await queue.answer(1, 'B')).seq).toBe(5_000_001) // same millisecond: counter
    base = 9_000_000
    expect((await queue.answer(2, 'C')).seq).toBe(9_000_000)
    queue.close()
  })

  it('keeps a change made while the previous one was in flight, and sends it next', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const putOne = server.putOne
    server.putOne = async (input) => {
      if (input.seq === 1) await gate
      return putOne(input)
    }
    const queue = await AnswerQueue.open(7, { transport: server })
    await queue.answer(1, 'A')
    await vi.advanceTimersByTimeAsync(0)
    await until(() => server.calls.length === 0 && queue.snapshot().status === 'saving')
    await queue.answer(1, 'B')
    release()
    await vi.advanceTimersByTimeAsync(0)
    await until(() => queue.snapshot().status === 'idle' && queue.pendingCount === 0)
    expect(server.stored.get(1)).toMatchObject({ response: 'B', seq: 2 })
  })

  it('sends a refused batch one by one so one bad answer does not block the rest', async () => {
    server.fallback = 'offline'
    const queue = await AnswerQueue.open(7, { transport: server })
    await queue.answer(1, 'A')
    await queue.answer(2, 'Z')
    server.fallback = 'ok'
    server.outcomes = ['bad', 'ok', 'bad']
    await queue.flushNow()
    await until(() => queue.snapshot().status === 'idle')
    expect(server.stored.get(1)?.response).toBe('A')
    expect(server.stored.has(2)).toBe(false)
    expect(queue.snapshot().rejected).toEqual({ 2: '选项不存在' })
    expect(queue.pendingCount).toBe(0)
  })
})
