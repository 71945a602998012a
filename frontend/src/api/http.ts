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

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const upper = method.toUpperCase()
  const headers: Record<string, string> = { Accept: 'application/json' }
  const isForm = typeof FormData !== 'undefined' && body instanceof FormData
  if (body !== undefined && !isForm) headers['Content-Type'] = 'application/json'
  if (UNSAFE.has(upper)) {
    await ensureCsrf()
    const token = getCookie('csrftoken')
    if (token) headers['X-CSRFToken'] = token
  }
  const url = path.startsWith('/') ? path : API_PREFIX + path
  let response: Response
  try {
    response = await fetch(url, {
      method: upper,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : isForm ? body : JSON.stringify(body),
      signal: options.signal,
    })
  } catch {
    throw new ApiError(0, MSG_NETWORK, 'network')
  }
  if (response.status === 204) return undefined as T
  let data: unknown = null
  const type = response.headers.get('Content-Type') ?? ''
  if (type.includes('json')) {
    try {
      data = await response.json()
    } catch {
      data = null
    }
  }
  if (response.ok) return data as T

  const err = (data ?? {}) as ErrorBody
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
  throw error
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
