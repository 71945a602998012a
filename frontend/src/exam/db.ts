import { createStore, type UseStore } from 'idb-keyval'

let store: UseStore | null = null

/** The one IndexedDB store for exam data (answer queue, cached attempts, flags). */
export function examStore(): UseStore {
  store ??= createStore('yz-exam', 'kv')
  return store
}

/** Tests open a fresh database between cases. */
export function resetExamStoreForTests(): void {
  store = null
}
