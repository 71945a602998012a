// Keeps an idle exam page's deadline true: extra time, a longer window or an exam closed
// early reach the phone even when no answer is saved (save replies carry the deadline too).
// Asks the light GET attempts/{id}/clock when the page becomes visible again and, while it
// is visible, every 60–120 s at random, so 2000 phones opened together do not ask together.
// A page left hidden asks nothing until it is shown again.
import type { AttemptClock } from '@/api/types'

export interface DeadlineWatchOptions {
  fetch: () => Promise<AttemptClock>
  /** A reply, with the local clock (ms) when it arrived. */
  onClock: (clock: AttemptClock, receivedAt: number) => void
  /** Shortest and longest wait between two checks while the page is visible. */
  minMs?: number
  maxMs?: number
  /** No second check within this long (a page hidden and shown again quickly). */
  quietMs?: number
  random?: () => number
  now?: () => number
  doc?: Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>
}

export const WATCH_MIN_MS = 60_000
export const WATCH_MAX_MS = 120_000
export const WATCH_QUIET_MS = 10_000

export class DeadlineWatch {
  private readonly options: DeadlineWatchOptions
  private readonly now: () => number
  private readonly doc: DeadlineWatchOptions['doc']
  private timer: ReturnType<typeof setTimeout> | null = null
  private inFlight: Promise<void> | null = null
  private lastAsked = -Infinity
  private active = false

  constructor(options: DeadlineWatchOptions) {
    this.options = options
    this.now = options.now ?? Date.now
    this.doc = options.doc ?? (typeof document === 'undefined' ? undefined : document)
  }

  /** The wait before the next check: uniform between minMs and maxMs. */
  nextDelay(): number {
    const min = this.options.minMs ?? WATCH_MIN_MS
    const max = this.options.maxMs ?? WATCH_MAX_MS
    return Math.round(min + (max - min) * (this.options.random ?? Math.random)())
  }

  start(): void {
    if (this.active) return
    this.active = true
    this.doc?.addEventListener('visibilitychange', this.onVisibility)
    this.schedule()
  }

  stop(): void {
    this.active = false
    this.doc?.removeEventListener('visibilitychange', this.onVisibility)
    this.clearTimer()
  }

  /** Ask now (unless a check is running or was made within quietMs). */
  check(): Promise<void> {
    if (!this.active) return Promise.resolve()
    if (this.inFlight) return this.inFlight
    if (this.now() - this.lastAsked < (this.options.quietMs ?? WATCH_QUIET_MS)) {
      if (this.timer === null) this.schedule()
      return Promise.resolve()
    }
    this.lastAsked = this.now()
    this.inFlight = this.options
      .fetch()
      .then((clock) => {
        if (this.active) this.options.onClock(clock, this.now())
      })
      .catch(() => undefined) // offline or refused: the next check or save tries again
      .finally(() => {
        this.inFlight = null
        this.schedule()
      })
    return this.inFlight
  }

  private readonly onVisibility = (): void => {
    if (this.doc?.visibilityState === 'visible') void this.check()
    else this.clearTimer()
  }

  private schedule(): void {
    this.clearTimer()
    if (!this.active || this.doc?.visibilityState === 'hidden') return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.check()
    }, this.nextDelay())
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }
}
