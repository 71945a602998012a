import { del, get, set } from 'idb-keyval'
import type { Attempt } from '@/api/types'
import { examStore } from './db'

export interface CachedAttempt {
  attempt: Attempt
  /** Local clock (ms) when the server's answer arrived, to rebuild the offset offline. */
  receivedAt: number
}

const key = (id: number) => `attempt:${id}`

/** Keep the last loaded copy so the exam page renders without network. */
export async function saveCachedAttempt(attempt: Attempt, receivedAt = Date.now()): Promise<void> {
  try {
    await set(key(attempt.id), { attempt, receivedAt } satisfies CachedAttempt, examStore())
  } catch {
    // Storage full or blocked: the page still works online.
  }
}

export async function loadCachedAttempt(id: number): Promise<CachedAttempt | null> {
  try {
    return (await get<CachedAttempt>(key(id), examStore())) ?? null
  } catch {
    return null
  }
}

export async function dropCachedAttempt(id: number): Promise<void> {
  try {
    await del(key(id), examStore())
  } catch {
    // Nothing to do.
  }
}
