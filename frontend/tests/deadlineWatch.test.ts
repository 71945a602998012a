import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AttemptClock } from '@/api/types'
import { DeadlineWatch, WATCH_MAX_MS, WATCH_MIN_MS } from '@/exam/deadlineWatch'

function fakeDoc() {
  const target = new EventTarget()
  const doc = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: target.addEventListener.bind(target),
    removeEventListener: target.removeEventListener.bind(target),
    show(state: DocumentVisibilityState) {
      doc.visibilityState = state
      target.dispatchEvent(new Event('visibilitychange'))
    },
  }
  return doc
}

const reply = (deadline: string, status: AttemptClock['status'] = 'in_progress'): AttemptClock => ({
  status,
  deadline,
  server_now: '2026-12-05T08:00:00Z',
})

describe('DeadlineWatch', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('spreads checks between 60 and 120 s so phones opened together do not ask together', () => {
    const delays = [0, 0.25, 0.999].map((r) =>
      new DeadlineWatch({ fetch: vi.fn(), onClock: vi.fn(), random: () => r }).nextDelay(),
    )
    expect(delays[0]).toBe(WATCH_MIN_MS)
    expect(delays[1]).toBe(75_000)
    expect(delays[2]).toBeLessThanOrEqual(WATCH_MAX_MS)
    const spread = new Set(Array.from({ length: 50 }, () => new DeadlineWatch({ fetch: vi.fn(), onClock: vi.fn() }).nextDelay()))
    expect(spread.size).toBeGreaterThan(40)
  })

  it('asks at the interval and hands each reply over', async () => {
    const doc = fakeDoc()
    const fetch = vi.fn().mockResolvedValue(reply('2026-12-05T09:00:00Z'))
    const onClock = vi.fn()
    const watch = new DeadlineWatch({ fetch, onClock, random: () => 0.5, doc })
    watch.start()
    await vi.advanceTimersByTimeAsync(89_000)
    expect(fetch).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1_000)
    expect(fetch).toHaveBeenCalledTimes(1)
    expect(onClock).toHaveBeenCalledWith(reply('2026-12-05T09:00:00Z'), expect.any(Number))
    await vi.advanceTimersByTimeAsync(90_000)
    expect(fetch).toHaveBeenCalledTimes(2)
    watch.stop()
    await vi.advanceTimersByTimeAsync(300_000)
    expect(fetch).toHaveBeenCalledTimes(2)
  })

  it('asks when the page is shown again, not while it is hidden, and not twice in a row', async () => {
    const doc = fakeDoc()
    const fetch = vi.fn().mockResolvedValue(reply('2026-12-05T09:00:00Z'))
    const watch = new DeadlineWatch({ fetch, onClock: vi.fn(), random: () => 0, doc })
    watch.start()
    doc.show('hidden')
    await vi.advanceTimersByTimeAsync(10 * 60_000)
    expect(fetch).not.toHaveBeenCalled() // a hidden page costs the server nothing
    doc.show('visible')
    await vi.advanceTimersByTimeAsync(0)
    expect(fetch).toHaveBeenCalledTimes(1)
    doc.show('hidden')
    doc.show('visible') // back within seconds: no second request
    await vi.advanceTimersByTimeAsync(0)
    expect(fetch).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(WATCH_MIN_MS)
    expect(fetch).toHaveBeenCalledTimes(2) // the interval goes on after the quick return
    watch.stop()
  })

  it('keeps going after a failed check and drops a reply that arrives after stop', async () => {
    const doc = fakeDoc()
    let resolve: (value: AttemptClock) => void = () => undefined
    const fetch = vi
      .fn()
      .mockRejectedValueOnce(new Error('offline'))
      .mockImplementationOnce(() => new Promise<AttemptClock>((r) => (resolve = r)))
    const onClock = vi.fn()
    const watch = new DeadlineWatch({ fetch, onClock, random: () => 0, doc })
    watch.start()
    await vi.advanceTimersByTimeAsync(WATCH_MIN_MS)
    expect(fetch).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(WATCH_MIN_MS)
    expect(fetch).toHaveBeenCalledTimes(2)
    watch.stop()
    resolve(reply('2026-12-05T09:00:00Z'))
    await vi.advanceTimersByTimeAsync(0)
    expect(onClock).not.toHaveBeenCalled()
  })
})
