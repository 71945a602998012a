// 考核档案: periods and their schemes, indicator import, the readiness check, compute,
// publish (公示), objections, adjustments, lock/unlock, records and their history.
import { api } from '@/api/http'
import type { components } from '@/api/schema'
import type { Page } from '../composables/useTable'

type S = components['schemas']
export type Period = S['Period']
export type PeriodInput = S['PeriodRequest']
export type Component = S['Component']
export type RecordRow = S['Record']
export type Objection = S['Objection']
export type Adjustment = S['Adjustment']
export type Readiness = S['Readiness']

export interface Band {
  min: number | string
  points: number | string
}

export interface ImportReport {
  total: number
  created: number
  updated: number
  unchanged: number
  error_count: number
  rows: { row: number; field: string; message: string }[]
  dry_run: boolean
  applied: boolean
  import_id?: number
}

export interface UnitTable {
  columns: string[]
  units: { unit: { id: number; name: string }; rows: (string | number | null)[][] }[]
}

export interface HistoryRow {
  kind: 'record' | 'component'
  component?: string
  at: string
  by: string
  reason: string
  total?: string | null
  grade?: string
  locked?: boolean
  score?: string | null
  adjustment?: string
}

export interface ExamOption {
  id: number
  title: string
  opens_at: string
  closes_at: string
}

export const PERIOD_STATUS: Record<string, { label: string; tag: 'info' | 'warning' | 'success' | 'danger' | 'primary' }> = {
  open: { label: '考核中', tag: 'primary' },
  publicity: { label: '公示中', tag: 'warning' },
  locked: { label: '已锁定', tag: 'info' },
}

export const KIND_LABEL: Record<string, string> = {
  exam: '考试成绩',
  case: '案例评分',
  indicator: '外部指标',
  adjust: '加减分',
}

export const periodsApi = {
  periods: (params: URLSearchParams, signal?: AbortSignal) => api.get<Page<Period>>(`periods/?${params}`, { signal }),
  period: (id: number) => api.get<Period>(`periods/${id}/`),
  create: (input: PeriodInput) => api.post<Period>('periods/', input),
  update: (id: number, input: Partial<PeriodInput>) => api.patch<Period>(`periods/${id}/`, input),
  remove: (id: number) => api.del<void>(`periods/${id}/`),

  readiness: (id: number) => api.get<Readiness>(`periods/${id}/readiness`),
  compute: (id: number) =>
    api.post<Readiness & { records: number; changed: number; computed: number }>(`periods/${id}/compute`),
  publish: (id: number, body: { ends_at?: string; days?: number; override_reason?: string }) =>
    api.post<Period>(`periods/${id}/publish`, body),
  lock: (id: number) => api.post<Period>(`periods/${id}/lock`),
  unlock: (id: number, reason: string) => api.post<Period>(`periods/${id}/unlock`, { reason }),
  table: (id: number, unit?: number) => api.get<UnitTable>(`periods/${id}/table${unit ? `?unit=${unit}` : ''}`),
  importIndicators: (id: number, file: File, dryRun: boolean) => {
    const form = new FormData()
    form.append('file', file)
    return api.upload<ImportReport>(`periods/${id}/indicators/import${dryRun ? '?dry_run=1' : ''}`, form)
  },
  adjustments: (id: number) => api.get<Adjustment[]>(`periods/${id}/adjustments`),
  addAdjustment: (id: number, body: { component: number; user: number; points: string; reason: string }) =>
    api.post<Adjustment>(`periods/${id}/adjustments`, body),

  records: (params: URLSearchParams, signal?: AbortSignal) => api.get<Page<RecordRow>>(`records/?${params}`, { signal }),
  history: (id: number) => api.get<HistoryRow[]>(`records/${id}/history`),
  adjust: (id: number, body: { component: number; adjustment: string; reason: string }) =>
    api.post<RecordRow>(`records/${id}/adjust`, body),
  unlockRecord: (id: number, reason: string) => api.post<RecordRow>(`records/${id}/unlock`, { reason }),

  objections: (params: URLSearchParams, signal?: AbortSignal) =>
    api.get<Page<Objection>>(`objections/?${params}`, { signal }),
  resolve: (id: number, body: { action: 'adjust' | 'reject'; reply: string; component?: number; adjustment?: string }) =>
    api.post<Objection>(`objections/${id}/resolve`, body),

  exams: () => api.get<Page<ExamOption>>('exams/?page_size=200'),
  calls: () => api.get<Page<{ id: number; title: string; closes_at: string }>>('case-calls/?page_size=200'),
}
