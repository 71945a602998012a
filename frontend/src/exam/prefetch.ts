// When the app is opened straight on an exam (a reload, a link), the attempt is requested
// at startup, in parallel with the session check and the screen's code, instead of after them.
import { examsApi } from '@/api/exams'
import type { Attempt } from '@/api/types'

export interface Fetched {
  attempt: Attempt
  receivedAt: number
}

let early: { id: number; promise: Promise<Fetched> } | null = null

export function prefetchAttempt(id: number): void {
  const promise = examsApi.attempt(id).then((attempt) => ({ attempt, receivedAt: Date.now() }))
  promise.catch(() => undefined) // the screen reports errors when it asks again
  early = { id, promise }
}

/** The prefetched attempt for this id, once; null when there is none. */
export function takePrefetched(id: number): Promise<Fetched> | null {
  if (early?.id !== id) return null
  const { promise } = early
  early = null
  return promise
}
