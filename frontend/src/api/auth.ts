import { api } from './http'
import type { LoginInput, Me, PasswordInput } from './types'

export const authApi = {
  me: () => api.get<Me>('auth/me', { noAuthRedirect: true }),
  login: (input: LoginInput) => api.post<Me>('auth/login', input, { noAuthRedirect: true }),
  logout: () => api.post<void>('auth/logout', undefined, { noAuthRedirect: true }),
  changePassword: (input: PasswordInput) => api.post<Me>('auth/password', input),
}
