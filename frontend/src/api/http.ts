import type { ErrorBody } from './types'

export const API_PREFIX = '/api/v1/'
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

export const MSG_NETWORK = '网络连接失败，请检查网络后重试'
export const MSG_SERVER = '服务器暂时无法处理请求，请稍后再试'
export const MSG_UNAUTHORIZED = '登录已过期，请重新登录'
export const MSG_FORBIDDEN = '没有权限执行此操作'
export const MSG_NOT_FOUND = '请求的内容不存在或已删除'
export const MSG_GENERIC = '操作失败，请稍后再试'

/** An API failure with a Chinese message fit to show the user as it is. */
export class ApiError extends Error {
  readonly status: number
  readonly code: string | undefined
  readonly errors: Record<string, string[]>

  constructor(status: number, detail: string, code?: string, errors: Record<string, string[]> = {}) {
    super(detail)
    this.name = 'ApiError'
    this.status = status
    this.code = code
    this.errors = errors
  }

  get detail(): string {
    return this.message
  }

  /** True when the request never got an answer (offline, DNS, aborted connection). */
  get isNetwork(): boolean {
    return this.status === 0
  }

  /** Worth retrying later: offline, gateway trouble, server errors, rate limits. */
  get isTransient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500
  }

  /** First message for a field, for showing under a form input. */
  fieldError(field: string): string | undefined {
    return this.errors[field]?.[0]
  }
}

export interface HttpHooks {
  onUnauthorized?: () => void
  onPasswordChangeRequired?: () => void
  /** Headers added to every request (the console's X-Admin-Scope). */
  headers?: () => Record<string, string>
  /** Called with every API failure before it is thrown (the console resets a stale scope). */
  onError?: (error: ApiError) => void
}

let hooks: HttpHooks = {}

export function setHttpHooks(next: HttpHooks): void {
  hooks = next
}

export function getCookie(name: string): string | null {
  for (const part of document.cookie ? document.cookie.split(';') : []) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return null
}

/** Make sure the csrftoken cookie exists (Django sets it on GET auth/csrf). */
export async function ensureCsrf(): Promise<void> {
  if (getCookie('csrftoken')) return
  try {
    await fetch(`${API_PREFIX}auth/csrf`, { credentials: 'same-origin' })
  } catch {
    // Offline: the unsafe request that needs the token will report the network error.
  }
}

function fallbackMessage(status: number): string {
  if (status === 401) return MSG_UNAUTHORIZED
  if (status === 403) return MSG_FORBIDDEN
  if (status === 404) return MSG_NOT_FOUND
  if (status >= 500) return MSG_SERVER
  return MSG_GENERIC
}

export interface RequestOptions {
  /** Do not send the user to the login page on 401 (the login call itself, the first /me). */
  noAuthRedirect?: boolean
  signal?: AbortSignal
}

/** Send a request with the session's CSRF token and the hooks' headers; network failures
 * become ApiError(0). */
async function send(method: string, path: string, body: unknown, options: RequestOptions): Promise<Response> {
  const upper = method.toUpperCase()
  const headers: Record<string, string> = { Accept: 'application/json', ...hooks.headers?.() }
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json'
  if (UNSAFE.has(upper)) {
    await ensureCsrf()
    const token = getCookie('csrftoken')
    if (token) headers['X-CSRFToken'] = token
  }
  const url = path.startsWith('/') ? path : API_PREFIX + path
  try {
    return await fetch(url, {
      method: upper,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal: options.signal,
    })
  } catch {
    throw new ApiError(0, MSG_NETWORK, 'network')
  }
}

async function readJson(response: Response): Promise<unknown> {
  if (!(response.headers.get('Content-Type') ?? '').includes('json')) return null
  try {
    return await response.json()
  } catch {
    return null
  }
}

/** The ApiError for a failed response (its body read as the API's error shape). */
async function failure(response: Response, options: RequestOptions): Promise<ApiError> {
  const err = ((await readJson(response)) ?? {}) as ErrorBody
  const error = new ApiError(
    response.status,
    typeof err.detail === 'string' && err.detail ? err.detail : fallbackMessage(response.status),
    err.code,
    err.errors ?? {},
  )
  if (response.status === 401 && !options.noAuthRedirect) hooks.onUnauthorized?.()
  if (response.status === 403 && error.code === 'password_change_required') {
    hooks.onPasswordChangeRequired?.()
  }
  hooks.onError?.(error)
  return error
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const response = await send(method, path, body, options)
  if (response.status === 204) return undefined as T
  if (response.ok) return (await readJson(response)) as T
  throw await failure(response, options)
}

export interface DownloadedFile {
  blob: Blob
  /** From Content-Disposition (filename*=UTF-8''…), else the fallback given. */
  filename: string
}

function filenameOf(response: Response, fallback: string): string {
  const disposition = response.headers.get('Content-Disposition') ?? ''
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)
  if (encoded) return decodeURIComponent(encoded[1]!)
  const plain = /filename="?([^";]+)"?/i.exec(disposition)
  return plain ? plain[1]! : fallback
}

/** A file answer (xlsx exports, templates), with the same headers and errors as request(). */
export async function requestFile(
  method: string,
  path: string,
  fallbackName: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<DownloadedFile> {
  const response = await send(method, path, body, options)
  if (!response.ok) throw await failure(response, options)
  return { blob: await response.blob(), filename: filenameOf(response, fallbackName) }
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('POST', path, body ?? {}, options),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PUT', path, body ?? {}, options),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    request<T>('PATCH', path, body ?? {}, options),
  del: <T>(path: string, options?: RequestOptions) => request<T>('DELETE', path, undefined, options),
  /** multipart/form-data upload (the file goes in the field `file`). */
  upload: <T>(path: string, form: FormData, options?: RequestOptions) => request<T>('POST', path, form, options),
}

/** The message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.detail
  return MSG_GENERIC
}
