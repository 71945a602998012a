// The exam countdown, computed from the server's time: offset = server_now − the local
// clock when that response arrived, so a phone whose clock is wrong still counts down to
// the real deadline. Warns once at each threshold (5 and 1 minutes) and fires `onExpire`
// once at zero (the page then submits).

export interface ClockOptions {
  deadline: string
  serverNow: string
  /** Local clock (ms) when the response holding serverNow arrived; defaults to now(). */
  receivedAt?: number
  /** Seconds before the deadline at which to warn. */
  warnAt?: number[]
  tickMs?: number
  now?: () => number
  onTick?: (remainingMs: number) => void
  onWarn?: (secondsLeft: number) => void
  onExpire?: () => void
}

export const DEFAULT_WARNINGS = [300, 60]

export class ExamClock {
  private deadlineMs: number
  private offsetMs: number
  private readonly options: ClockOptions
  private readonly now: () => number
  private readonly pendingWarnings: number[]
  private timer: ReturnType<typeof setTimeout> | null = null
  private expired = false

  constructor(options: ClockOptions) {
    this.options = options
    this.now = options.now ?? Date.now
    this.deadlineMs = Date.parse(options.deadline)
    this.offsetMs = Date.parse(options.serverNow) - (options.receivedAt ?? this.now())
    // Largest first; thresholds already passed at start collapse into the smallest one.
    this.pendingWarnings = [...(options.warnAt ?? DEFAULT_WARNINGS)].sort((a, b) => b - a)
  }

  /** Server time as this device best knows it. */
  serverTime(): number {
    return this.now() + this.offsetMs
  }

  remainingMs(): number {
    return Math.max(0, this.deadlineMs - this.serverTime())
  }

  get offset(): number {
    return this.offsetMs
  }

  /** Adopt a deadline the server moved (extra time for this person, a longer window). */
  moveDeadline(deadline: string): void {
    const next = Date.parse(deadline)
    if (Number.isNaN(next) || next === this.deadlineMs) return
    this.deadlineMs = next
    this.options.onTick?.(this.remainingMs())
  }

  /** Adopt a newer server time (any API answer that carries server_now). */
  resync(serverNow: string, receivedAt: number = this.now()): void {
    this.offsetMs = Date.parse(serverNow) - receivedAt
    this.check()
  }

  start(): void {
    this.stop()
    this.check()
    if (!this.expired) this.loop()
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private loop(): void {
    const tick = this.options.tickMs ?? 1000
    // Align with whole seconds of remaining time so the display does not skip.
    const delay = Math.min(tick, (this.remainingMs() % tick) || tick)
    this.timer = setTimeout(() => {
      this.timer = null
      this.check()
      if (!this.expired) this.loop()
    }, delay)
  }

  private check(): void {
    if (this.expired) return
    const remaining = this.remainingMs()
    this.options.onTick?.(remaining)
    const seconds = remaining / 1000
    let due: number | undefined
    while (this.pendingWarnings.length && seconds <= this.pendingWarnings[0]!) {
      due = this.pendingWarnings.shift()
    }
    if (remaining <= 0) {
      this.expired = true
      this.stop()
      this.options.onExpire?.()
      return
    }
    if (due !== undefined) this.options.onWarn?.(due)
  }
}
