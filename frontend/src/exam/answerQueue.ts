// The answer queue: every change gets the next seq, is written to IndexedDB first and then
// sent. A seq comes from a hybrid clock (server time since the attempt started × 1000, or
// one more than the last seq if higher) and goes with this device's id, so two devices'
// changes are totally ordered: the later one wins, and equal seqs are ordered by device. Only the latest unacknowledged change per question is kept (and so sent); one
// pending change goes by PUT, several by the batch endpoint. Offline and server errors are
// retried with exponential backoff plus jitter; a 409 (time up / already submitted) stops
// the queue and is reported. Re-opening the queue for an attempt restores what was left.
import { get, set } from 'idb-keyval'
import { ApiError } from '@/api/http'
import type { AnswerAck, AnswerInput, AnswerResponse } from '@/api/types'
import { examStore } from './db'

export interface QueueTransport {
  putOne(input: AnswerInput): Promise<AnswerAck>
  putMany(inputs: AnswerInput[]): Promise<AnswerAck[]>
}

export interface PendingAnswer {
  questionId: number
  response: AnswerResponse
  seq: number
}

export interface AckedAnswer {
  response: AnswerResponse
  seq: number
  saved_at: string
}

export type QueueStatus = 'idle' | 'saving' | 'retrying' | 'offline' | 'stopped'

export interface QueueSnapshot {
  status: QueueStatus
  pendingCount: number
  /** Chinese message of the last failure (kept until a send succeeds). */
  lastError: string
  /** Why the queue stopped: 'time_up', 'submitted' or another 409 code. */
  stopCode: string
  /** Questions whose answer the server refused outright (400/404), with its message. */
  rejected: Record<number, string>
}

export interface BackoffOptions {
  baseMs: number
  maxMs: number
}

export interface QueueOptions {
  transport: QueueTransport
  /** This device's id, sent with every answer (the tiebreak of equal seqs). */
  device?: string
  /** The hybrid clock's current seq base (see device.ts); 0 or absent: a plain counter. */
  seqClock?: () => number
  /** The highest seq the server already holds (from the attempt), so new seqs go above it. */
  serverSeq?: number
  backoff?: Partial<BackoffOptions>
  /** Source of jitter in [0, 1); injectable for tests. */
  random?: () => number
  onChange?: (snapshot: QueueSnapshot) => void
  /** Called when the server keeps another answer than this device sent (another device's,
   * or a later one): the reply carries it, and the page shows it. */
  onServerAnswer?: (questionId: number, answer: AckedAnswer) => void
}

interface Persisted {
  seq: number
  pending: Record<string, PendingAnswer>
  acked: Record<string, AckedAnswer>
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 30000 }

/** Delay before retry number `attempt` (0-based): exponential, capped, with "equal jitter". */
export function backoffDelay(attempt: number, options: BackoffOptions, random: () => number): number {
  const exp = Math.min(options.maxMs, options.baseMs * 2 ** attempt)
  return Math.round(exp / 2 + (random() * exp) / 2)
}

const storageKey = (attemptId: number) => `queue:${attemptId}`

export class AnswerQueue {
  readonly attemptId: number
  private state: Persisted
  private readonly options: QueueOptions
  private readonly backoff: BackoffOptions
  private status: QueueStatus = 'idle'
  private lastError = ''
  private stopCode = ''
  private rejected: Record<number, string> = {}
  private failures = 0
  private timer: ReturnType<typeof setTimeout> | null = null
  private inflight: Promise<void> | null = null
  private writes: Promise<void> = Promise.resolve()
  private closed = false

  private constructor(attemptId: number, state: Persisted, options: QueueOptions) {
    this.attemptId = attemptId
    this.state = state
    this.options = options
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff }
  }

  /** Open (or re-open after a reload) the queue of one attempt. */
  static async open(attemptId: number, options: QueueOptions): Promise<AnswerQueue> {
    let stored: Persisted | undefined
    try {
      stored = await get<Persisted>(storageKey(attemptId), examStore())
    } catch {
      stored = undefined
    }
    const state: Persisted = stored ?? { seq: 0, pending: {}, acked: {} }
    state.seq = Math.max(state.seq, options.serverSeq ?? 0)
    const queue = new AnswerQueue(attemptId, state, options)
    if (queue.pendingCount > 0) queue.schedule(0)
    return queue
  }

  get pendingCount(): number {
    return Object.keys(this.state.pending).length
  }

  /** Unacknowledged changes, oldest first. */
  pending(): PendingAnswer[] {
    return Object.values(this.state.pending).sort((a, b) => a.seq - b.seq)
  }

  /** Answers this device knows the server holds. */
  acked(): Record<string, AckedAnswer> {
    return { ...this.state.acked }
  }

  snapshot(): QueueSnapshot {
    return {
      status: this.status,
      pendingCount: this.pendingCount,
      lastError: this.lastError,
      stopCode: this.stopCode,
      rejected: { ...this.rejected },
    }
  }

  /** Record a change: persisted before it is sent, superseding any unsent change. */
  async answer(questionId: number, response: AnswerResponse): Promise<PendingAnswer> {
    if (this.status === 'stopped') throw new ApiError(409, this.lastError, this.stopCode)
    this.state.seq = Math.max(this.state.seq + 1, this.options.seqClock?.() ?? 0)
    // A plain copy: the caller may hand in reactive arrays, which IndexedDB cannot store.
    const plain = JSON.parse(JSON.stringify(response ?? null)) as AnswerResponse
    const entry: PendingAnswer = { questionId, response: plain, seq: this.state.seq }
    this.state.pending[String(questionId)] = entry
    delete this.rejected[questionId]
    await this.persist()
    this.emit()
    // A change while waiting out a backoff is sent at once: the user is active now.
    if (this.status !== 'offline' && this.status !== 'retrying') this.schedule(0)
    return entry
  }

  /** Send now, e.g. when the browser reports it is back online; resets the backoff. */
  flushNow(): Promise<void> {
    if (this.status === 'stopped' || this.closed) return Promise.resolve()
    this.failures = 0
    this.clearTimer()
    return this.flush()
  }

  /** Resolves once nothing is pending or the queue is waiting to retry or stopped. */
  async flush(): Promise<void> {
    if (this.inflight) return this.inflight
    if (this.status === 'stopped' || this.closed || this.pendingCount === 0) return
    this.inflight = this.sendOnce().finally(() => {
      this.inflight = null
    })
    await this.inflight
    if (this.pendingCount > 0 && this.status === 'saving' && !this.closed) await this.flush()
  }

  /** Stop timers (leaving the page); what is pending stays in IndexedDB. */
  close(): void {
    this.closed = true
    this.clearTimer()
  }

  private async sendOnce(): Promise<void> {
    const batch = this.pending()
    if (!batch.length) return
    this.setStatus('saving')
    const inputs: AnswerInput[] = batch.map((p) => this.input(p))
    try {
      const acks =
        inputs.length === 1
          ? [await this.options.transport.putOne(inputs[0]!)]
          : await this.options.transport.putMany(inputs)
      this.applyAcks(acks)
      this.failures = 0
      this.lastError = ''
      await this.persist()
      this.setStatus(this.pendingCount ? 'saving' : 'idle')
    } catch (error) {
      await this.handleFailure(error, batch)
    }
  }

  private input(entry: PendingAnswer): AnswerInput {
    const input: AnswerInput = { question_id: entry.questionId, response: entry.response, seq: entry.seq }
    if (this.options.device) input.device = this.options.device
    return input
  }

  /** Mark saved exactly what each ack says was stored; where the server kept another
   * answer (accepted false), adopt and show that one instead. */
  private applyAcks(acks: AnswerAck[]): void {
    for (const ack of acks) {
      const key = String(ack.question_id)
      const saved: AckedAnswer = { response: ack.response, seq: ack.seq, saved_at: ack.saved_at }
      const known = this.state.acked[key]
      if (!known || known.seq <= ack.seq) this.state.acked[key] = saved
      const entry = this.state.pending[key]
      // A change made while this request was in flight has a higher seq: keep it.
      if (entry && entry.seq <= ack.seq) {
        delete this.state.pending[key]
        const mine = ack.seq === entry.seq && (ack.device ?? '') === (this.options.device ?? '')
        if (!ack.accepted && !mine) this.options.onServerAnswer?.(ack.question_id, saved)
      }
      this.state.seq = Math.max(this.state.seq, ack.seq)
    }
  }

  private async handleFailure(error: unknown, batch: PendingAnswer[]): Promise<void> {
    const apiError =
      error instanceof ApiError ? error : new ApiError(0, '网络连接失败，请检查网络后重试', 'network')
    this.lastError = apiError.detail
    if (apiError.status === 409) {
      this.stopCode = apiError.code ?? 'conflict'
      this.clearTimer()
      this.setStatus('stopped')
      return
    }
    if (apiError.isTransient) {
      this.setStatus(apiError.isNetwork ? 'offline' : 'retrying')
      this.schedule(backoffDelay(this.failures, this.backoff, this.options.random ?? Math.random))
      this.failures += 1
      return
    }
    if (apiError.status === 401 || apiError.status === 403) {
      // Logged out or password change pending: keep everything; re-opened after login.
      this.setStatus('retrying')
      return
    }
    // 400/404: the server refuses this answer itself. A batch is retried one by one so a
    // single bad answer cannot hold back the others.
    if (batch.length > 1) {
      for (const entry of batch) {
        if (this.status === 'stopped') return
        try {
          this.applyAcks([await this.options.transport.putOne(this.input(entry))])
        } catch (inner) {
          if (inner instanceof ApiError && !inner.isTransient && inner.status !== 409) {
            this.reject(entry, inner.detail)
          } else {
            await this.persist()
            return this.handleFailure(inner, [entry])
          }
        }
      }
    } else if (batch[0]) {
      this.reject(batch[0], apiError.detail)
    }
    await this.persist()
    this.setStatus(this.pendingCount ? 'saving' : 'idle')
  }

  private reject(entry: PendingAnswer, detail: string): void {
    if (this.state.pending[String(entry.questionId)]?.seq === entry.seq) {
      delete this.state.pending[String(entry.questionId)]
    }
    this.rejected[entry.questionId] = detail
  }

  private schedule(delay: number): void {
    if (this.closed) return
    this.clearTimer()
    this.timer = setTimeout(() => {
      this.timer = null
      void this.flush()
    }, delay)
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private persist(): Promise<void> {
    const copy: Persisted = structuredClone(this.state)
    this.writes = this.writes
      .then(() => set(storageKey(this.attemptId), copy, examStore()))
      .catch(() => {
        // Storage blocked (private mode): the queue still works for this page's life.
      })
    return this.writes
  }

  private setStatus(status: QueueStatus): void {
    this.status = status
    this.emit()
  }

  private emit(): void {
    this.options.onChange?.(this.snapshot())
  }
}
