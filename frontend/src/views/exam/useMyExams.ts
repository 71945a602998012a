import { computed, ref } from 'vue'
import { examsApi } from '@/api/exams'
import { errorMessage } from '@/api/http'
import type { ExamCard } from '@/api/types'

/** Open now, and the cadre may still start it (attempts left) or resume an attempt. */
export function canTake(exam: ExamCard): boolean {
  return exam.state === 'open' && (exam.in_progress_attempt !== null || exam.attempts_used < exam.attempts_allowed)
}

/** The cadre's exams, split into open now / coming / finished. */
export function useMyExams() {
  const exams = ref<ExamCard[]>([])
  const loading = ref(false)
  const error = ref('')

  async function load() {
    loading.value = true
    error.value = ''
    try {
      const page = await examsApi.mine()
      exams.value = page.results
    } catch (e) {
      error.value = errorMessage(e)
    } finally {
      loading.value = false
    }
  }

  const byOpening = (a: ExamCard, b: ExamCard) => a.opens_at.localeCompare(b.opens_at)
  const open = computed(() => exams.value.filter((e) => e.state === 'open').sort(byOpening))
  const takeable = computed(() => open.value.filter(canTake))
  const upcoming = computed(() => exams.value.filter((e) => e.state === 'upcoming').sort(byOpening))
  const closed = computed(() =>
    exams.value.filter((e) => e.state === 'closed').sort((a, b) => b.closes_at.localeCompare(a.closes_at)),
  )
  return { exams, open, takeable, upcoming, closed, loading, error, load }
}
