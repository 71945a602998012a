// Long work (generation, compute, imports queued on the worker) reports its state through
// the API; a screen polls it with this until it is done, then stops. Shown with
// components/TaskProgress.vue.
//
//   const task = usePolling(() => api.get<Material>(`materials/${id}/`), {
//     done: (m) => m.status === 'ready' || m.status === 'failed',
//   })
//   task.start()
import { onBeforeUnmount, ref, shallowRef } from 'vue'
import { ApiError, errorMessage } from '@/api/http'

export interface PollingOptions<T> {
  /** True when the work is over (finished or failed): polling stops. */
  done: (value: T) => boolean
  /** Milliseconds between checks (default 2 s). */
  interval?: number
  /** Give up after this many milliseconds (default 10 minutes). */
  timeout?: number
}

export const POLL_TIMEOUT = '等待时间过长，请稍后刷新页面查看结果'

export function usePolling<T>(check: () => Promise<T>, options: PollingOptions<T>) {
  const interval = options.interval ?? 2000
  const timeout = options.timeout ?? 10 * 60_000
  const value = shallowRef<T | null>(null)
  const running = ref(false)
  const error = ref('')
  const elapsed = ref(0) // seconds since start()
  let timer: ReturnType<typeof setTimeout> | null = null
  let startedAt = 0
  let failures = 0

  function stop(): void {
    running.value = false
    if (timer) clearTimeout(timer)
    timer = null
  }

  async function tick(): Promise<void> {
    elapsed.value = Math.round((Date.now() - startedAt) / 1000)
    try {
      const next = await check()
      if (!running.value) return
      failures = 0
      value.value = next
      if (options.done(next)) {
        stop()
        return
      }
    } catch (caught) {
      if (!running.value) return
      // A dropped connection is retried (slower each time); a refusal ends the wait.
      if (!(caught instanceof ApiError && caught.isTransient) || ++failures > 5) {
        error.value = errorMessage(caught)
        stop()
        return
      }
    }
    if (Date.now() - startedAt > timeout) {
      error.value = POLL_TIMEOUT
      stop()
      return
    }
    timer = setTimeout(tick, interval * (1 + failures))
  }

  function start(): void {
    stop()
    error.value = ''
    failures = 0
    startedAt = Date.now()
    elapsed.value = 0
    running.value = true
    void tick()
  }

  onBeforeUnmount(stop)
  return { value, running, error, elapsed, start, stop }
}
