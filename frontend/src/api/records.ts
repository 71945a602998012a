import { api } from './http'
import type { components } from './schema'

type S = components['schemas']
export type Objection = S['Objection']
export type ComponentScore = S['ComponentScore']

/** records/me is documented loosely by the backend; each record is its Record plus these. */
export type MyRecord = S['Record'] & {
  objections: Objection[]
  unit_table: { columns: string[]; rows: (string | number | null)[][] } | null
  publicity_starts_at: string | null
  publicity_ends_at: string | null
  /** Set when the period went public before every part was final: shown as a footnote. */
  override_reason: string
}

export interface MyRecords {
  current: MyRecord | null
  history: MyRecord[]
}

export const recordsApi = {
  mine: () => api.get<MyRecords>('records/me'),
  object: (recordId: number, input: S['ObjectionInRequest']) =>
    api.post<Objection>(`records/${recordId}/objections`, input),
}
