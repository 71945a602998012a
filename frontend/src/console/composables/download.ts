// Files from the API (exports, templates, password sheets) saved through the browser.
// They go through the API client, so they carry the session, CSRF and the scope header
// like every other request, and a refusal shows its Chinese message.
import { requestFile } from '@/api/http'

export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/** GET a file (an xlsx export with the list's filters) and save it. */
export async function download(path: string, fallbackName: string, params?: URLSearchParams): Promise<void> {
  const query = params && params.toString() ? `?${params}` : ''
  const file = await requestFile('GET', `${path}${query}`, fallbackName)
  saveBlob(file.blob, file.filename)
}

/** POST a body and save the file it answers with (a sheet built from what is on screen). */
export async function downloadPost(path: string, body: unknown, fallbackName: string): Promise<void> {
  const file = await requestFile('POST', path, fallbackName, body)
  saveBlob(file.blob, file.filename)
}
