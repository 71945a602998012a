// One attempt being taken: loads it (from the network, or the cached copy when offline),
// merges server, acknowledged and queued answers, saves every change through the answer
// queue, runs the server-time countdown (kept true while idle by a deadline watch) and submits.
import { computed, reactive, ref, shallowRef } from 'vue'
import { examsApi } from '@/api/exams'
import { ApiError, errorMessage } from '@/api/http'
import type { AnswerAck, AnswerResponse, Attempt, AttemptClock, SubmitReply } from '@/api/types'
import { AnswerQueue, type QueueSnapshot } from './answerQueue'
import { loadCachedAttempt, saveCachedAttempt } from './attemptCache'
import { ExamClock } from './clock'
import { DeadlineWatch } from './deadlineWatch'
import { deviceId, seqFromServerTime } from './device'
import { flagsUnsent, loadFlags, saveFlags } from './flags'
import { takePrefetched } from './prefetch'
import { isAnswered } from './responses'

export interface SessionHooks {
  onWarn?: (secondsLeft: number) => void
  onExpire?: () => void
  onStopped?: (snapshot: QueueSnapshot) => void
  onServerAnswer?: (questionId: number) => void
  /** The server finished the attempt meanwhile (closed early, cancelled, another device). */
  onClosedByServer?: () => void
}

export function useAttemptSession(attemptId: number, hooks: SessionHooks = {}) {
  const attempt = shallowRef<Attempt | null>(null)
  const fromCache = ref(false)
  const loadError = ref('')
  const answers = reactive<Record<number, AnswerResponse>>({})
  const flags = ref<Set<number>>(loadFlags(attemptId))
  const remainingMs = ref(0)
  const queueState = ref<QueueSnapshot>({
    status: 'idle',
    pendingCount: 0,
    lastError: '',
    stopCode: '',
    rejected: {},
  })
  let queue: AnswerQueue | null = null
  let marksSent: Promise<unknown> = Promise.resolve()
  let clock: ExamClock | null = null
  let watch: DeadlineWatch | null = null

  /** Save replies carry the attempt's deadline: extra time given meanwhile moves the clock. */
  function followDeadline(acks: AnswerAck[]): AnswerAck[] {
    const deadline = acks[acks.length - 1]?.deadline
    if (deadline) clock?.moveDeadline(deadline)
    return acks
  }

  /** A clock check's reply: a moved deadline moves the countdown; a finished attempt ends
   *  the page (before the countdown could run out and submit on its own). */
  function followClock(reply: AttemptClock, receivedAt: number): void {
    if (reply.status !== 'in_progress') {
      watch?.stop()
      hooks.onClosedByServer?.()
      return
    }
    clock?.moveDeadline(reply.deadline)
    clock?.resync(reply.server_now, receivedAt)
  }

  async function fetchAttempt(): Promise<{ attempt: Attempt; receivedAt: number } | null> {
    try {
      const early = takePrefetched(attemptId)
      const { attempt: fresh, receivedAt } = early
        ? await early
        : { attempt: await examsApi.attempt(attemptId), receivedAt: Date.now() }
      await saveCachedAttempt(fresh, receivedAt)
      fromCache.value = false
      return { attempt: fresh, receivedAt }
    } catch (error) {
      if (error instanceof ApiError && !error.isNetwork) throw error
      const cached = await loadCachedAttempt(attemptId)
      if (!cached) throw error
      fromCache.value = true
      return cached
    }
  }

  /** Load and start; returns the attempt, or null when it could not be loaded. */
  async function load(): Promise<Attempt | null> {
    loadError.value = ''
    let loaded: { attempt: Attempt; receivedAt: number } | null
    try {
      loaded = await fetchAttempt()
    } catch (error) {
      loadError.value = errorMessage(error)
      return null
    }
    if (!loaded) return null
    const { attempt: a, receivedAt } = loaded
    attempt.value = a
    if (a.status !== 'in_progress') return a
    if (!fromCache.value && a.flagged) {
      if (flagsUnsent(attemptId)) sendFlags(flags.value) // changed here while offline
      else {
        // Otherwise the server's marks win: another device may have changed them.
        flags.value = new Set(a.flagged)
        saveFlags(attemptId, flags.value)
      }
    }

    let serverSeq = 0
    const seqs: Record<number, number> = {}
    for (const [id, stored] of Object.entries(a.answers)) {
      answers[Number(id)] = stored.response
      seqs[Number(id)] = stored.seq
      serverSeq = Math.max(serverSeq, stored.seq)
    }
    queue?.close()
    const startedAtMs = Date.parse(a.started_at)
    queue = await AnswerQueue.open(attemptId, {
      transport: {
        putOne: async (input) => followDeadline([await examsApi.saveAnswer(attemptId, input)])[0]!,
        putMany: async (inputs) => followDeadline((await examsApi.saveBatch(attemptId, inputs)).results),
      },
      device: deviceId(),
      // Read when a change is made: by then the server-time clock below is running.
      seqClock: () => (clock ? seqFromServerTime(clock.serverTime(), startedAtMs) : 0),
      serverSeq,
      onChange: (snapshot) => {
        queueState.value = snapshot
        if (snapshot.status === 'stopped') hooks.onStopped?.(snapshot)
      },
      onServerAnswer: (questionId, stored) => {
        answers[questionId] = stored.response
        hooks.onServerAnswer?.(questionId)
      },
    })
    // What this device knows beyond the (possibly older) attempt copy, by seq.
    for (const [id, ack] of Object.entries(queue.acked())) {
      if ((seqs[Number(id)] ?? 0) < ack.seq) {
        answers[Number(id)] = ack.response
        seqs[Number(id)] = ack.seq
      }
    }
    for (const entry of queue.pending()) {
      if ((seqs[entry.questionId] ?? 0) < entry.seq) answers[entry.questionId] = entry.response
    }
    queueState.value = queue.snapshot()

    clock?.stop()
    clock = new ExamClock({
      deadline: a.deadline,
      serverNow: a.server_now,
      receivedAt,
      onTick: (ms) => (remainingMs.value = ms),
      onWarn: (s) => hooks.onWarn?.(s),
      onExpire: () => hooks.onExpire?.(),
    })
    clock.start()
    watch?.stop()
    watch = new DeadlineWatch({ fetch: () => examsApi.clock(attemptId), onClock: followClock })
    watch.start()
    return a
  }

  function setAnswer(questionId: number, response: AnswerResponse): Promise<void> {
    answers[questionId] = response
    if (!queue) return Promise.resolve()
    return queue.answer(questionId, response).then(
      () => undefined,
      () => undefined, // stopped: reported through onStopped
    )
  }

  function toggleFlag(questionId: number): void {
    const next = new Set(flags.value)
    if (next.has(questionId)) next.delete(questionId)
    else next.add(questionId)
    flags.value = next
    sendFlags(next)
  }

  /** Keep the marks here and send them; sent one after another, so the server ends with the
   *  last set. If they cannot be sent now, this device still shows them and sends them later. */
  function sendFlags(marks: Set<number>): void {
    saveFlags(attemptId, marks, true)
    marksSent = marksSent
      .then(() => examsApi.saveFlags(attemptId, [...marks]))
      .then(() => {
        if (flags.value === marks) saveFlags(attemptId, marks)
      })
      .catch(() => undefined)
  }

  const questions = computed(() => attempt.value?.questions ?? [])
  const answeredIds = computed(
    () => new Set(questions.value.filter((q) => isAnswered(q.type, answers[q.id])).map((q) => q.id)),
  )
  const unanswered = computed(() => questions.value.filter((q) => !answeredIds.value.has(q.id)))

  /** Send what is queued; true when nothing is left unsent. */
  async function flush(): Promise<boolean> {
    if (!queue) return true
    await queue.flushNow()
    return queue.pendingCount === 0
  }

  /** Submit (idempotent on the server); the caller shows errors. The reply is light (status
   *  and, when released, the score): the copy kept here for the result page offline is the
   *  attempt as taken with that reply on top; online the result page loads the full result. */
  async function submit(): Promise<Attempt> {
    await flush()
    const reply = await examsApi.submit(attemptId)
    const done = submittedCopy(attempt.value, reply)
    if (done) {
      attempt.value = done
      await saveCachedAttempt(done)
    }
    stop()
    return done ?? (await examsApi.attempt(attemptId))
  }

  function stop(): void {
    clock?.stop()
    watch?.stop()
    queue?.close()
  }

  return {
    attempt,
    fromCache,
    loadError,
    answers,
    flags,
    remainingMs,
    queueState,
    questions,
    answeredIds,
    unanswered,
    load,
    setAnswer,
    toggleFlag,
    flush,
    submit,
    stop,
    retryNow: () => queue?.flushNow(),
  }
}

/** The attempt as this phone took it, submitted: the reply's status and score on top. */
export function submittedCopy(taken: Attempt | null, reply: SubmitReply): Attempt | null {
  if (!taken) return null
  return {
    ...taken,
    status: reply.status,
    submitted_at: reply.submitted_at,
    submit_reason: reply.submit_reason,
    result: {
      score_visible: reply.score_visible,
      score: reply.score,
      max_score: reply.max_score,
      passed: reply.passed,
      pending_review: reply.pending_review,
      rank_in_unit: null,
      unit_count: null,
      knowledge_points: [],
      answers_visible: false,
      items: [],
    },
  }
}
