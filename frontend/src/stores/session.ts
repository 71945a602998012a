import { computed, ref } from 'vue'
import { authApi } from '@/api/auth'
import { ApiError, getCookie } from '@/api/http'
import type { LoginInput, Me, PasswordInput } from '@/api/types'

const ROLE_LABELS: Record<string, string> = {
  cadre: '干部',
  reviewer: '评审员',
  org_admin: '组织部管理员',
  superuser: '系统管理员',
}

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role
}

/** Set by the server at login (the session cookie itself is HttpOnly); without it there is
 *  no session to ask about, and auth/me would only log a 401 in the browser console. */
export const SIGNED_IN_COOKIE = 'yz_signed_in'

function forgetSignedIn(): void {
  document.cookie = `${SIGNED_IN_COOKIE}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
}

const me = ref<Me | null>(null)
const loaded = ref(false)
let pending: Promise<Me | null> | null = null

/** Who is logged in; fetched once per page load and after login/logout. */
export function useSession() {
  async function load(force = false): Promise<Me | null> {
    if (loaded.value && !force) return me.value
    if (!getCookie(SIGNED_IN_COOKIE)) {
      me.value = null
      loaded.value = true
      return null
    }
    if (!pending) {
      pending = authApi
        .me()
        .then((user) => {
          me.value = user
          loaded.value = true
          return user
        })
        .catch((error: unknown) => {
          if (error instanceof ApiError && error.status === 401) {
            forgetSignedIn() // the session expired on the server
            me.value = null
            loaded.value = true
            return null
          }
          // Offline or a server error: unknown; try again on the next navigation.
          throw error
        })
        .finally(() => {
          pending = null
        })
    }
    return pending
  }

  async function login(input: LoginInput): Promise<Me> {
    const user = await authApi.login(input)
    me.value = user
    loaded.value = true
    return user
  }

  async function changePassword(input: PasswordInput): Promise<Me> {
    const user = await authApi.changePassword(input)
    me.value = user
    return user
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout()
    } finally {
      clear()
    }
  }

  function clear(): void {
    me.value = null
    loaded.value = true
  }

  return {
    me,
    loaded,
    isLoggedIn: computed(() => me.value !== null),
    roleLabels: computed(() => (me.value?.roles ?? []).map(roleLabel)),
    load,
    login,
    logout,
    changePassword,
    clear,
  }
}
