// 练一练 under one passage of the materials reader: a practice session scoped to that
// passage, answered inline. Questions arrive without keys; feedback only after each answer.
import { computed, ref } from 'vue'
import { errorMessage } from '@/api/http'
import { trainingApi, type PracticeSessionDetail } from '@/api/training'
import type { AnswerResponse } from '@/api/types'

/** The most questions one inline round holds; longer passages can be practised again. */
export const PASSAGE_ROUND_MAX = 10

export function usePassagePractice(passageId: number, questionCount: number) {
  const detail = ref<PracticeSessionDetail | null>(null)
  const starting = ref(false)
  const error = ref('')

  const progress = computed(() => {
    const items = detail.value?.items ?? []
    const done = items.filter((i) => i.feedback)
    return {
      total: items.length,
      done: done.length,
      correct: done.filter((i) => i.feedback?.is_correct).length,
      finished: items.length > 0 && done.length === items.length,
    }
  })

  async function start() {
    if (starting.value) return
    starting.value = true
    error.value = ''
    try {
      detail.value = await trainingApi.startPractice({
        passage: passageId,
        count: Math.max(1, Math.min(questionCount, PASSAGE_ROUND_MAX)),
      })
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      starting.value = false
    }
  }

  /** Sends one answer; the feedback is stored on its item only when the server returns it. */
  async function answer(questionId: number, response: AnswerResponse) {
    const session = detail.value?.session
    if (!session) return
    try {
      const feedback = await trainingApi.answerPractice(session.id, questionId, response)
      const item = detail.value?.items.find((i) => i.question.id === questionId)
      if (item) item.feedback = feedback
    } catch (e) {
      error.value = errorMessage(e)
    }
  }

  function close() {
    detail.value = null
    error.value = ''
  }

  return { detail, starting, error, progress, start, answer, close }
}
