// 学习材料: materials, their passages and knowledge points, typed from the generated schema.
import { api } from '@/api/http'
import type { components } from '@/api/schema'
import type { Page } from '../composables/useTable'

type S = components['schemas']
export type Material = S['Material']
export type MaterialDetail = S['MaterialDetail']
export type Passage = S['Passage']
export type KnowledgePoint = S['KnowledgePoint']

export const MATERIAL_STATUS: { value: NonNullable<Material['status']>; label: string }[] = [
  { value: 'pending', label: '等待处理' },
  { value: 'processing', label: '处理中' },
  { value: 'ready', label: '已完成' },
  { value: 'failed', label: '处理失败' },
]

/** Still being cleaned and split: poll until it is not. */
export const isProcessing = (m: { status?: string }) => m.status === 'pending' || m.status === 'processing'

export const materialsApi = {
  list: (params: URLSearchParams, signal?: AbortSignal) =>
    api.get<Page<Material>>(`materials/?${params}`, { signal }),
  get: (id: number) => api.get<MaterialDetail>(`materials/${id}/`),
  uploadFile: (file: File, fields: { title?: string; org_unit?: number | null }) => {
    const form = new FormData()
    form.append('file', file)
    if (fields.title) form.append('title', fields.title)
    if (fields.org_unit) form.append('org_unit', String(fields.org_unit))
    return api.upload<Material>('materials/', form)
  },
  paste: (input: { title: string; text: string; org_unit?: number | null }) =>
    api.post<Material>('materials/', { ...input, org_unit: input.org_unit ?? undefined }),
  update: (id: number, input: { title?: string; org_unit?: number }) =>
    api.patch<MaterialDetail>(`materials/${id}/`, input),
  reingest: (id: number) => api.post<MaterialDetail>(`materials/${id}/reingest`),
  remove: (id: number) => api.del<void>(`materials/${id}/`),
  /** Every passage of a material, in order (the API pages them). */
  async passages(id: number): Promise<Passage[]> {
    const all: Passage[] = []
    for (let page = 1; ; page++) {
      const chunk = await api.get<Page<Passage>>(`materials/${id}/passages/?page=${page}&page_size=200`)
      all.push(...chunk.results)
      if (all.length >= chunk.count || !chunk.results.length) return all
    }
  },

  knowledgePoints: (materialId?: number) =>
    api.get<KnowledgePoint[]>(materialId ? `knowledge-points/?material=${materialId}` : 'knowledge-points/'),
  suggest: (materialId: number) => api.post<KnowledgePoint[]>(`materials/${materialId}/suggest-knowledge-points`),
  confirm: (id: number) => api.post<KnowledgePoint>(`knowledge-points/${id}/confirm`),
  rename: (id: number, name: string) => api.patch<KnowledgePoint>(`knowledge-points/${id}/`, { name }),
  merge: (id: number, target: number) => api.post<KnowledgePoint>(`knowledge-points/${id}/merge`, { target }),
  removePoint: (id: number) => api.del<void>(`knowledge-points/${id}/`),
}
