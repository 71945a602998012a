// Long work is followed by polling its status until it is done; a dropped connection is
// retried, a refusal ends the wait with its message.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, h } from 'vue'
import { ApiError } from '@/api/http'
import { usePolling } from '@/console/composables/usePolling'

type Task = { status: 'processing' | 'ready' | 'failed'; percent: number }

function host(check: () => Promise<Task>) {
  let poll!: ReturnType<typeof usePolling<Task>>
  const app = createApp(
    defineComponent({
      setup() {
        poll = usePolling(check, { done: (t) => t.status !== 'processing', interval: 1000 })
        return () => h('div')
      },
    }),
  )
  app.mount(document.createElement('div'))
  return { poll, app }
}

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('usePolling', () => {
  it('polls until the work is done, then stops', async () => {
    const answers: Task[] = [
      { status: 'processing', percent: 10 },
      { status: 'processing', percent: 60 },
      { status: 'ready', percent: 100 },
    ]
    const check = vi.fn(async () => answers.shift()!)
    const { poll, app } = host(check)
    poll.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(poll.value.value?.percent).toBe(10)
    expect(poll.running.value).toBe(true)
    await vi.advanceTimersByTimeAsync(1000)
    expect(poll.value.value?.percent).toBe(60)
    await vi.advanceTimersByTimeAsync(1000)
    expect(poll.value.value?.status).toBe('ready')
    expect(poll.running.value).toBe(false)
    await vi.advanceTimersByTimeAsync(5000)
    expect(check).toHaveBeenCalledTimes(3)
    app.unmount()
  })

  it('retries a dropped connection and keeps going', async () => {
    const check = vi
      .fn<() => Promise<Task>>()
      .mockRejectedValueOnce(new ApiError(0, '网络连接失败，请检查网络后重试', 'network'))
      .mockResolvedValueOnce({ status: 'ready', percent: 100 })
    const { poll, app } = host(check)
    poll.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(poll.error.value).toBe('')
    expect(poll.running.value).toBe(true)
    await vi.advanceTimersByTimeAsync(2000)
    expect(poll.value.value?.status).toBe('ready')
    app.unmount()
  })

  it('a refusal ends the wait with its message', async () => {
    const check = vi.fn<() => Promise<Task>>().mockRejectedValue(new ApiError(404, '对象不存在或无权访问', 'not_found'))
    const { poll, app } = host(check)
    poll.start()
    await vi.advanceTimersByTimeAsync(0)
    expect(poll.running.value).toBe(false)
    expect(poll.error.value).toBe('对象不存在或无权访问')
    app.unmount()
  })

  it('stops when the page goes away', async () => {
    const check = vi.fn(async (): Promise<Task> => ({ status: 'processing', percent: 1 }))
    const { poll, app } = host(check)
    poll.start()
    await vi.advanceTimersByTimeAsync(0)
    app.unmount()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(check).toHaveBeenCalledTimes(1)
  })
})
