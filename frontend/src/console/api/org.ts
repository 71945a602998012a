// 组织与人员: units, people, roster import, typed from the generated schema.
import { api } from '@/api/http'
import type { components } from '@/api/schema'
import type { Page } from '../composables/useTable'

type S = components['schemas']
export type OrgUnit = S['OrgUnit']
export type OrgUnitInput = S['OrgUnitInputRequest']
export type OrgUnitKind = NonNullable<OrgUnitInput['kind']>
export type User = S['User']
export type UserInput = S['UserInputRequest']
export type UserCreated = S['UserCreated']
export type RosterReport = S['RosterImportReport']
export type InitialPasswordRow = S['InitialPasswordRow']

/** A one-time password as shown on screen and in the downloaded sheet. */
export interface OneTimePassword {
  username: string
  real_name: string
  password: string
}

export const UNIT_KINDS: { value: OrgUnitKind; label: string }[] = [
  { value: 'county', label: '县（区）' },
  { value: 'township', label: '乡镇（街道）' },
  { value: 'department', label: '部门' },
  { value: 'village', label: '村' },
  { value: 'community', label: '社区' },
  { value: 'other', label: '其他' },
]

export const ROLE_OPTIONS = [
  { value: 'cadre', label: '干部' },
  { value: 'reviewer', label: '评审员' },
  { value: 'org_admin', label: '组织部管理员' },
]

export const orgApi = {
  units: () => api.get<OrgUnit[]>('org-units/'),
  addUnit: (input: OrgUnitInput) => api.post<OrgUnit>('org-units/', input),
  updateUnit: (id: number, input: Partial<OrgUnitInput>) => api.patch<OrgUnit>(`org-units/${id}/`, input),

  users: (params: URLSearchParams, signal?: AbortSignal) =>
    api.get<Page<User>>(`users/?${params}`, { signal }),
  createUser: (input: UserInput) => api.post<UserCreated>('users/', input),
  updateUser: (id: number, input: Partial<UserInput>) => api.patch<User>(`users/${id}/`, input),
  deactivate: (id: number) => api.post<User>(`users/${id}/deactivate`),
  activate: (id: number) => api.post<User>(`users/${id}/activate`),
  resetPassword: (id: number) => api.post<S['InitialPassword']>(`users/${id}/reset-password`),
  /** Lift the account's login lockouts (every source); answers the server's message. */
  unlock: (id: number) => api.post<S['UnlockResult']>(`users/${id}/unlock`),
  user: (id: number) => api.get<User>(`users/${id}/`),

  /** Check (dryRun) or apply a roster file; the report lists every bad row. */
  importRoster: (file: File, options: { dryRun: boolean; createUnits: boolean }) => {
    const form = new FormData()
    form.append('file', file)
    const query = new URLSearchParams()
    if (options.dryRun) query.set('dry_run', '1')
    if (options.createUnits) query.set('create_units', '1')
    return api.upload<RosterReport>(`users/import?${query}`, form)
  },
}

export const ORG_FILES = {
  template: { path: 'users/template.xlsx', name: '花名册模板.xlsx' },
  export: { path: 'users/export.xlsx', name: '人员名单.xlsx' },
  passwords: { path: 'users/passwords.xlsx', name: '初始密码.xlsx' },
}
