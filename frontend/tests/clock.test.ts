// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ExamClock } from '@/exam/clock'

const SERVER_NOW = '2026-06-01T02:00:00Z'
const at = (iso: string) => Date.parse(iso)

describe('ExamClock', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('counts down from the server time even when the phone clock is hours off', () => {
    // The phone thinks it is 3 hours and 17 seconds earlier than the server.
    vi.setSystemTime(at(SERVER_NOW) - 3 * 3600_000 - 17_000)
    const clock = new ExamClock({ deadline: '2026-06-01T02:30:00Z', serverNow: SERVER_NOW })
    expect(clock.remainingMs()).toBe(30 * 60_000)
    vi.advanceTimersByTime(60_000)
    expect(clock.remainingMs()).toBe(29 * 60_000)
  })

  it('ignores a phone clock that runs ahead of the server too', () => {
    vi.setSystemTime(at(SERVER_NOW) + 40 * 60_000)
    const clock = new ExamClock({ deadline: '2026-06-01T02:10:00Z', serverNow: SERVER_NOW })
    // Naively deadline − phone time would already be negative.
    expect(clock.remainingMs()).toBe(10 * 60_000)
  })

  it('rebuilds the offset from a cached response after a reload', () => {
    const skew = -5 * 60_000
    const receivedAt = at(SERVER_NOW) + skew
    vi.setSystemTime(receivedAt + 120_000) // reloaded two minutes later, same skewed phone
    const clock = new ExamClock({ deadline: '2026-06-01T02:10:00Z', serverNow: SERVER_NOW, receivedAt })
    expect(clock.remainingMs()).toBe(8 * 60_000)
  })

  it('warns at 5 and 1 minutes once each, then fires expiry once at zero', () => {
    vi.setSystemTime(at(SERVER_NOW) + 999_000)
    const warn = vi.fn()
    const expire = vi.fn()
    const clock = new ExamClock({
      deadline: '2026-06-01T02:06:00Z',
      serverNow: SERVER_NOW,
      onWarn: warn,
      onExpire: expire,
    })
    clock.start()
    vi.advanceTimersByTime(59_000)
    expect(warn).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1_000) // 5:00 left
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn).toHaveBeenLastCalledWith(300)
    vi.advanceTimersByTime(4 * 60_000) // 1:00 left
    expect(warn).toHaveBeenCalledTimes(2)
    expect(warn).toHaveBeenLastCalledWith(60)
    vi.advanceTimersByTime(59_000)
    expect(expire).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1_000)
    expect(expire).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(60_000)
    expect(expire).toHaveBeenCalledTimes(1)
    expect(warn).toHaveBeenCalledTimes(2)
  })

  it('on resume with 3 minutes left warns once (5-minute warning), not twice', () => {
    vi.setSystemTime(at(SERVER_NOW))
    const warn = vi.fn()
    const clock = new ExamClock({ deadline: '2026-06-01T02:03:00Z', serverNow: SERVER_NOW, onWarn: warn })
    clock.start()
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn).toHaveBeenCalledWith(300)
    clock.stop()
  })

  it('expires at once when the deadline has already passed', () => {
    vi.setSystemTime(at(SERVER_NOW))
    const expire = vi.fn()
    const warn = vi.fn()
    const clock = new ExamClock({
      deadline: '2026-06-01T01:59:00Z',
      serverNow: SERVER_NOW,
      onExpire: expire,
      onWarn: warn,
    })
    clock.start()
    expect(expire).toHaveBeenCalledTimes(1)
    expect(warn).not.toHaveBeenCalled()
    expect(clock.remainingMs()).toBe(0)
  })

  it('resync adopts a newer server time', () => {
    vi.setSystemTime(at(SERVER_NOW))
    const clock = new ExamClock({ deadline: '2026-06-01T02:10:00Z', serverNow: SERVER_NOW })
    // Later response: the server is 30 s ahead of what we computed (the phone's clock drifted).
    vi.advanceTimersByTime(60_000)
    clock.resync('2026-06-01T02:01:30Z')
    expect(clock.remainingMs()).toBe(8 * 60_000 + 30_000)
  })

  it('ticks with the remaining time', () => {
    vi.setSystemTime(at(SERVER_NOW) + 123)
    const ticks: number[] = []
    const clock = new ExamClock({
      deadline: '2026-06-01T02:00:05Z',
      serverNow: SERVER_NOW,
      onTick: (ms) => ticks.push(Math.ceil(ms / 1000)),
    })
    clock.start()
    vi.advanceTimersByTime(5_000)
    expect(ticks).toEqual([5, 4, 3, 2, 1, 0])
  })

  it('follows a deadline the server moved (extra time) and shows it at once', () => {
    vi.setSystemTime(at(SERVER_NOW))
    const ticks: number[] = []
    const clock = new ExamClock({
      deadline: '2026-06-01T02:10:00Z',
      serverNow: SERVER_NOW,
      onTick: (ms) => ticks.push(Math.round(ms / 60_000)),
    })
    clock.moveDeadline('2026-06-01T02:25:00Z')
    expect(clock.remainingMs()).toBe(25 * 60_000)
    expect(ticks).toEqual([25])
  })
})
