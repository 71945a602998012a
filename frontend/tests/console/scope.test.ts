// The scope switcher: an admin with several subtrees picks one; the API client then sends
// X-Admin-Scope with every request, and a choice the server refuses falls back to all.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { api, ApiError, setHttpHooks } from '@/api/http'
import type { Me } from '@/api/types'
import { SCOPE_HEADER, SCOPE_INVALID, scopeHeaders, useScope } from '@/console/scope'

const EAST = { id: 3, name: '东湖镇', full_name: '青山县/东湖镇' }
const WEST = { id: 8, name: '西岭乡', full_name: '青山县/西岭乡' }

function admin(id: number, units = [EAST, WEST], roles = ['org_admin']): Me {
  return {
    id,
    username: `a${id}`,
    real_name: '管理员',
    mobile: null,
    position: '',
    org_unit: null,
    roles,
    admin_units: units,
    must_change_password: false,
  }
}

let nextId = 100
const scope = useScope()

beforeEach(() => {
  localStorage.clear()
  scope.clearScope()
})
afterEach(() => {
  setHttpHooks({})
  vi.unstubAllGlobals()
})

describe('scope switcher', () => {
  it('is offered only to an admin with several subtrees, never to a superuser', () => {
    scope.initScope(admin(nextId++))
    expect(scope.switchable.value).toBe(true)
    expect(scope.label.value).toBe('青山县/东湖镇、青山县/西岭乡')
    scope.clearScope()
    scope.initScope(admin(nextId++, [EAST]))
    expect(scope.switchable.value).toBe(false)
    scope.clearScope()
    scope.initScope(admin(nextId++, [], ['superuser', 'org_admin']))
    expect(scope.switchable.value).toBe(false)
    expect(scope.label.value).toBe('全部单位')
  })

  it('sends the chosen unit as X-Admin-Scope, and nothing when all are in view', () => {
    scope.initScope(admin(nextId++))
    expect(scopeHeaders()).toEqual({})
    const before = scope.version.value
    scope.chooseScope(WEST.id)
    expect(scopeHeaders()).toEqual({ [SCOPE_HEADER]: '8' })
    expect(scope.label.value).toBe('青山县/西岭乡')
    expect(scope.version.value).toBe(before + 1) // pages remount and fetch again
    scope.chooseScope(null)
    expect(scopeHeaders()).toEqual({})
  })

  it('refuses a unit that is not one of the admin’s scopes', () => {
    scope.initScope(admin(nextId++))
    scope.chooseScope(999)
    expect(scopeHeaders()).toEqual({})
  })

  it('remembers the choice per admin, and drops a saved scope they no longer hold', () => {
    const id = nextId++
    scope.initScope(admin(id))
    scope.chooseScope(EAST.id)
    scope.clearScope()
    scope.initScope(admin(id))
    expect(scope.chosenId.value).toBe(EAST.id)
    scope.clearScope()
    scope.initScope(admin(id, [WEST, { id: 11, name: '北川镇', full_name: '青山县/北川镇' }]))
    expect(scope.chosenId.value).toBeNull()
  })

  it('the API client sends the header on every request', async () => {
    scope.initScope(admin(nextId++))
    scope.chooseScope(EAST.id)
    const fetchMock = vi.fn(async () => new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } }))
    vi.stubGlobal('fetch', fetchMock)
    setHttpHooks({ headers: scopeHeaders })
    await api.get('users/')
    expect((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].headers).toMatchObject({
      [SCOPE_HEADER]: '3',
    })
  })

  it('a scope the server refuses is reset, so the next request sees all subtrees', async () => {
    scope.initScope(admin(nextId++))
    scope.chooseScope(EAST.id)
    const body = { detail: '所选单位不在您的管理范围内，请重新选择管理范围', errors: {}, code: SCOPE_INVALID }
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(body), { status: 403, headers: { 'Content-Type': 'application/json' } })),
    )
    setHttpHooks({
      headers: scopeHeaders,
      onError: (error) => {
        if (error.code === SCOPE_INVALID) scope.resetScope()
      },
    })
    await expect(api.get('users/')).rejects.toBeInstanceOf(ApiError)
    expect(scopeHeaders()).toEqual({})
    expect(scope.chosenId.value).toBeNull()
  })
})
