// Reports leaving the exam page (visibilitychange) to the server and shows its reply: how
// many times the cadre left and the limit; when the server submits because of it, the
// page is told so it can explain and move to the result.
import { ref } from 'vue'
import { examsApi } from '@/api/exams'
import type { AttemptEventKind, AttemptEventReply } from '@/api/types'

export function useFocusReporting(attemptId: number, onSubmittedByServer: (detail: string) => void) {
  const notice = ref('')
  let limit: number | null = null
  let active = false
  let lastLoss: Promise<AttemptEventReply | null> | null = null

  function describe(reply: AttemptEventReply): string {
    const max = reply.focus_loss_limit ?? limit
    if (max) {
      return `检测到您离开了答题页面（第 ${reply.focus_loss_count} 次，共允许 ${max} 次），超过次数将自动交卷。`
    }
    return `检测到您离开了答题页面（第 ${reply.focus_loss_count} 次），离开记录会提交给组织部。`
  }

  async function send(kind: AttemptEventKind): Promise<AttemptEventReply | null> {
    try {
      const reply = await examsApi.event(attemptId, kind)
      if (reply.submitted) {
        active = false
        onSubmittedByServer(reply.detail || '离开答题页面次数超过限制，系统已自动交卷。')
      }
      return reply
    } catch {
      return null
    }
  }

  async function onVisibility() {
    if (!active) return
    if (document.visibilityState === 'hidden') {
      lastLoss = send('focus_loss')
      return
    }
    let reply = lastLoss ? await lastLoss : null
    lastLoss = null
    // The request may die while the page is hidden (phone locks): report it now.
    if (!reply) reply = await send('focus_loss')
    if (!active) return
    if (reply) {
      notice.value = describe(reply)
      void send('focus_return')
    }
  }

  return {
    notice,
    start(focusLossLimit: number | null) {
      limit = focusLossLimit
      active = true
      document.addEventListener('visibilitychange', onVisibility)
    },
    stop() {
      active = false
      document.removeEventListener('visibilitychange', onVisibility)
    },
    report(kind: AttemptEventKind) {
      if (active) void send(kind)
    },
  }
}
