// Questions the cadre marked to look at again. The server keeps them with the attempt (so a
// reload or a second device sees them); this copy serves the page while offline.
const key = (attemptId: number) => `yz.flags.${attemptId}`

export function loadFlags(attemptId: number): Set<number> {
  try {
    const raw = localStorage.getItem(key(attemptId))
    const ids = raw ? (JSON.parse(raw) as unknown) : []
    return new Set(Array.isArray(ids) ? ids.filter((n): n is number => typeof n === 'number') : [])
  } catch {
    return new Set()
  }
}

export function saveFlags(attemptId: number, flags: Set<number>): void {
  try {
    localStorage.setItem(key(attemptId), JSON.stringify([...flags]))
  } catch {
    // Storage blocked: flags last for this page only.
  }
}
