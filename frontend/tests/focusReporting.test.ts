import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@/api/http'

const api = vi.hoisted(() => ({ event: vi.fn() }))
vi.mock('@/api/exams', () => ({ examsApi: api }))
const { useFocusReporting } = await import('@/exam/useFocusReporting')

function setVisibility(state: 'hidden' | 'visible') {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state })
  document.dispatchEvent(new Event('visibilitychange'))
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('focus-loss reporting', () => {
  beforeEach(() => api.event.mockReset())
  afterEach(() => setVisibility('visible'))

  it('reports leaving and returning and shows the server count and limit', async () => {
    api.event.mockResolvedValue({ focus_loss_count: 2, focus_loss_limit: 3, submitted: false })
    const focus = useFocusReporting(8, vi.fn())
    focus.start(3)
    setVisibility('hidden')
    setVisibility('visible')
    await settle()
    expect(api.event.mock.calls.map((c) => c[1])).toEqual(['focus_loss', 'focus_return'])
    expect(focus.notice.value).toContain('第 2 次，共允许 3 次')
    focus.stop()
  })

  it('hands over the server message when the server submitted because of it', async () => {
    api.event.mockResolvedValue({
      focus_loss_count: 4,
      focus_loss_limit: 3,
      submitted: true,
      detail: '离开次数超过限制，已自动交卷',
    })
    const onSubmitted = vi.fn()
    const focus = useFocusReporting(8, onSubmitted)
    focus.start(3)
    setVisibility('hidden')
    await settle()
    expect(onSubmitted).toHaveBeenCalledWith('离开次数超过限制，已自动交卷')
    focus.stop()
  })

  it('re-sends a loss that could not be sent while the page was hidden', async () => {
    api.event
      .mockRejectedValueOnce(new ApiError(0, '网络连接失败，请检查网络后重试', 'network'))
      .mockResolvedValue({ focus_loss_count: 1, focus_loss_limit: null, submitted: false })
    const focus = useFocusReporting(8, vi.fn())
    focus.start(null)
    setVisibility('hidden')
    setVisibility('visible')
    await settle()
    await settle()
    expect(api.event.mock.calls.map((c) => c[1])).toEqual(['focus_loss', 'focus_loss', 'focus_return'])
    expect(focus.notice.value).toContain('第 1 次')
    focus.stop()
  })

  it('reports nothing after stop()', async () => {
    const focus = useFocusReporting(8, vi.fn())
    focus.start(3)
    focus.stop()
    setVisibility('hidden')
    await settle()
    expect(api.event).not.toHaveBeenCalled()
  })
})
