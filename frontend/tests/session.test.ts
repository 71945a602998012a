import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setHttpHooks } from '@/api/http'
import { SIGNED_IN_COOKIE, useSession } from '@/stores/session'

describe('who is signed in', () => {
  let fetchMock: ReturnType<typeof vi.fn>
  beforeEach(() => {
    document.cookie = `${SIGNED_IN_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
    fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
    setHttpHooks({})
  })
  afterEach(() => vi.unstubAllGlobals())

  it('does not ask auth/me without a session, so the login page logs no 401', async () => {
    expect(await useSession().load(true)).toBeNull()
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('asks auth/me once signed in, and forgets the hint when the session has expired', async () => {
    document.cookie = `${SIGNED_IN_COOKIE}=1; path=/`
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ detail: '请先登录' }), {
        status: 401,
        headers: { 'Content-Type': 'application/json' },
      }),
    )
    expect(await useSession().load(true)).toBeNull()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(document.cookie).not.toContain(SIGNED_IN_COOKIE)
  })
})
