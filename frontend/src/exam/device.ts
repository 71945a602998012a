// This browser's device id: sent with every answer, so two devices that send the same seq
// for a question are still ordered (the server keeps the higher (seq, device)).
const KEY = 'yz.exam.device'

function randomId(): string {
  const bytes = new Uint8Array(8)
  crypto.getRandomValues(bytes) // works on plain http too, unlike crypto.randomUUID
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

let cached = ''

export function deviceId(): string {
  if (cached) return cached
  try {
    cached = localStorage.getItem(KEY) ?? ''
    if (!cached) {
      cached = randomId()
      localStorage.setItem(KEY, cached)
    }
  } catch {
    cached = cached || randomId() // storage blocked: one id for this page's life
  }
  return cached
}

/** A hybrid-clock seq base: server milliseconds since the attempt started, times 1000, so
 * a later change on any device gets a higher seq; the queue adds a counter on top. */
export function seqFromServerTime(serverNowMs: number, startedAtMs: number): number {
  return Math.max(0, Math.floor(serverNowMs - startedAtMs)) * 1000
}
