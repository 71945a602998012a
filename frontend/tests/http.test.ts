import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, api, ensureCsrf, MSG_NETWORK, MSG_SERVER, setHttpHooks } from '@/api/http'

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

function clearCookies() {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim()
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
}

describe('api client', () => {
  let fetchMock: ReturnType<typeof vi.fn>

  beforeEach(() => {
    clearCookies()
    fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    setHttpHooks({})
  })
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('sends the csrftoken cookie as X-CSRFToken on unsafe methods', async () => {
    document.cookie = 'csrftoken=tok123; path=/'
    fetchMock.mockResolvedValue(jsonResponse(200, { ok: true }))
    await api.post('auth/login', { username: 'a', password: 'b' })
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('/api/v1/auth/login')
    expect((init as RequestInit).headers).toMatchObject({ 'X-CSRFToken': 'tok123' })
    expect((init as RequestInit).credentials).toBe('same-origin')
    expect(JSON.parse((init as RequestInit).body as string)).toEqual({ username: 'a', password: 'b' })
  })

  it('does not send the CSRF header on GET', async () => {
    document.cookie = 'csrftoken=tok123; path=/'
    fetchMock.mockResolvedValue(jsonResponse(200, {}))
    await api.get('auth/me')
    const init = fetchMock.mock.calls[0]![1] as RequestInit
    expect(init.headers).not.toHaveProperty('X-CSRFToken')
  })

  it('fetches auth/csrf first when the cookie is missing', async () => {
    fetchMock.mockImplementation(async (url: string) => {
      if (url === '/api/v1/auth/csrf') {
        document.cookie = 'csrftoken=fresh; path=/'
        return new Response(null, { status: 204 })
      }
      return jsonResponse(200, {})
    })
    await api.put('attempts/1/answers/2', { response: 'A', seq: 1 })
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual(['/api/v1/auth/csrf', '/api/v1/attempts/1/answers/2'])
    expect((fetchMock.mock.calls[1]![1] as RequestInit).headers).toMatchObject({ 'X-CSRFToken': 'fresh' })
  })

  it('ensureCsrf does nothing when the cookie exists', async () => {
    document.cookie = 'csrftoken=x; path=/'
    await ensureCsrf()
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('calls the unauthorized hook on 401 and throws the Chinese detail', async () => {
    const onUnauthorized = vi.fn()
    setHttpHooks({ onUnauthorized })
    fetchMock.mockResolvedValue(jsonResponse(401, { detail: '身份认证信息未提供。' }))
    const error = await api.get('exams/?mine=1').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect((error as ApiError).status).toBe(401)
    expect((error as ApiError).detail).toBe('身份认证信息未提供。')
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })

  it('does not redirect on 401 when asked not to (the login call)', async () => {
    const onUnauthorized = vi.fn()
    setHttpHooks({ onUnauthorized })
    fetchMock.mockResolvedValue(jsonResponse(401, {}))
    await expect(api.get('auth/me', { noAuthRedirect: true })).rejects.toBeInstanceOf(ApiError)
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('sends the user to the password page on 403 password_change_required', async () => {
    const onPasswordChangeRequired = vi.fn()
    const onUnauthorized = vi.fn()
    setHttpHooks({ onPasswordChangeRequired, onUnauthorized })
    fetchMock.mockResolvedValue(jsonResponse(403, { detail: '请先修改初始密码', code: 'password_change_required' }))
    const error = (await api.get('exams/').catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe('password_change_required')
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1)
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('keeps the lockout code and message from 403 locked', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(403, { detail: '登录失败次数过多，账号已锁定，请 15 分钟后再试', code: 'locked' }),
    )
    const error = (await api.post('auth/login', {}, { noAuthRedirect: true }).catch((e: unknown) => e)) as ApiError
    expect(error.code).toBe('locked')
    expect(error.detail).toContain('账号已锁定')
  })

  it('exposes field errors from a 400', async () => {
    fetchMock.mockResolvedValue(
      jsonResponse(400, { detail: '输入有误', errors: { new_password: ['密码过于简单'] } }),
    )
    const error = (await api.post('auth/password', {}).catch((e: unknown) => e)) as ApiError
    expect(error.fieldError('new_password')).toBe('密码过于简单')
    expect(error.fieldError('old_password')).toBeUndefined()
  })

  it('turns a non-JSON 502 into a Chinese message, never a bare status code', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Bad Gateway</html>', { status: 502 }))
    const error = (await api.get('exams/').catch((e: unknown) => e)) as ApiError
    expect(error.detail).toBe(MSG_SERVER)
    expect(error.detail).not.toMatch(/\d{3}/)
    expect(error.isTransient).toBe(true)
  })

  it('reports a network failure as status 0 with a Chinese message', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const error = (await api.get('auth/me').catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(0)
    expect(error.isNetwork).toBe(true)
    expect(error.detail).toBe(MSG_NETWORK)
  })

  it('returns undefined for 204', async () => {
    document.cookie = 'csrftoken=x; path=/'
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }))
    await expect(api.post('auth/logout')).resolves.toBeUndefined()
  })
})

describe('uploads', () => {
  it('sends FormData as multipart with the CSRF header and no JSON content type', async () => {
    document.cookie = 'csrftoken=up1; path=/'
    const fetchMock = vi.fn().mockResolvedValue(jsonResponse(201, { id: 1 }))
    vi.stubGlobal('fetch', fetchMock)
    const form = new FormData()
    form.append('file', new Blob(['x'], { type: 'image/jpeg' }), 'a.jpg')
    await api.upload('cases/3/images', form)
    const init = fetchMock.mock.calls[0]![1] as RequestInit
    expect(init.body).toBe(form)
    expect(init.headers).toMatchObject({ 'X-CSRFToken': 'up1' })
    expect(init.headers).not.toHaveProperty('Content-Type')
    vi.unstubAllGlobals()
  })
})
