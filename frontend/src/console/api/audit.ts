// 操作日志: the operation log, its filter catalogue and its xlsx export.
import { api } from '@/api/http'
import type { components } from '@/api/schema'
import type { Page } from '../composables/useTable'

type S = components['schemas']
export type AuditEntry = S['AuditEntry']
export type AuditCatalogue = S['AuditCatalogue']
export type CodeLabel = S['CodeLabel']

export const auditApi = {
  list: (params: URLSearchParams, signal?: AbortSignal) =>
    api.get<Page<AuditEntry>>(`audit-log/?${params}`, { signal }),
  catalogue: () => api.get<AuditCatalogue>('audit-log/catalogue'),
}

export const AUDIT_FILES = {
  export: { path: 'audit-log/export.xlsx', name: '操作日志.xlsx' },
}
