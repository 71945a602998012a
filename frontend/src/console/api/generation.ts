// 出题与审核: generation batches, the review workspace and per-rule statistics.
import { api } from '@/api/http'
import type { components } from '@/api/schema'
import type { Page } from '../composables/useTable'

type S = components['schemas']
export type GenerationBatch = S['GenerationBatch']
export type BatchReview = S['GenerationBatchReview']
export type ReviewQuestion = S['Question']
export type RuleStats = S['RuleStats']
export type BatchReviewResult = S['BatchReviewOutput']

/** The generator's types (case analysis is written by hand). */
export const GENERATED_TYPES = [
  { value: 'single', label: '单选' },
  { value: 'multiple', label: '多选' },
  { value: 'true_false', label: '判断' },
  { value: 'fill_in', label: '填空' },
  { value: 'short_answer', label: '简答' },
] as const

export const isGenerating = (b: { status?: string }) => b.status === 'queued' || b.status === 'running'

export interface ReviewChanges {
  stem?: string
  options?: { key: string; text: string }[]
  answer?: unknown
  explanation?: string
  knowledge_points?: number[]
}

/** 严格: the rules that held on unseen documents; 宽松: every useful rule, more drafts to review. */
export type GenerationMode = 'strict' | 'broad'

export const generationApi = {
  generate: (
    materialId: number,
    input: { bank: number; counts: Record<string, number>; mode: GenerationMode },
  ) =>
    api.post<GenerationBatch>(`materials/${materialId}/generate`, input),
  batches: (params: URLSearchParams, signal?: AbortSignal) =>
    api.get<Page<GenerationBatch>>(`generation-batches/?${params}`, { signal }),
  batch: (id: number) => api.get<BatchReview>(`generation-batches/${id}/`),
  approve: (id: number, changes?: ReviewChanges) =>
    api.post<ReviewQuestion>(`questions/${id}/review`, changes ? { action: 'approve', changes } : { action: 'approve' }),
  reject: (id: number, reason: string, comment: string) =>
    api.post<ReviewQuestion>(`questions/${id}/review`, { action: 'reject', reason, comment }),
  approveMany: (ids: number[]) => api.post<BatchReviewResult>('questions/review-batch', { ids, action: 'approve' }),
  stats: () => api.get<RuleStats[]>('generator/stats'),
}
