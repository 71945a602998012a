// Questions the cadre marked to look at again. The server keeps them with the attempt (so a
// reload or a second device sees them); this copy serves the page while offline, and
// remembers whether it still has to be sent.
const key = (attemptId: number) => `yz.flags.${attemptId}`
const unsentKey = (attemptId: number) => `yz.flags.unsent.${attemptId}`

export function loadFlags(attemptId: number): Set<number> {
  try {
    const raw = localStorage.getItem(key(attemptId))
    const ids = raw ? (JSON.parse(raw) as unknown) : []
    return new Set(Array.isArray(ids) ? ids.filter((n): n is number => typeof n === 'number') : [])
  } catch {
    return new Set()
  }
}

/** Keep the marks on this device; `unsent` until the server has acknowledged them. */
export function saveFlags(attemptId: number, flags: Set<number>, unsent = false): void {
  try {
    localStorage.setItem(key(attemptId), JSON.stringify([...flags]))
    if (unsent) localStorage.setItem(unsentKey(attemptId), '1')
    else localStorage.removeItem(unsentKey(attemptId))
  } catch {
    // Storage blocked: flags last for this page only.
  }
}

/** Whether this device changed the marks without the server hearing of it (offline). */
export function flagsUnsent(attemptId: number): boolean {
  try {
    return localStorage.getItem(unsentKey(attemptId)) === '1'
  } catch {
    return false
  }
}
