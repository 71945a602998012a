// 题库: banks, questions (list, editor, versions, review), import and export.
import { api } from '@/api/http'
import type { components } from '@/api/schema'
import type { Page } from '../composables/useTable'

type S = components['schemas']
export type Bank = S['Bank']
export type Question = S['Question']
export type QuestionSaved = S['QuestionWithSimilar']
export type QuestionInput = S['QuestionInputRequest']
export type ReviewLog = S['QuestionReviewLog']
export type ImportReport = S['QuestionImportReport']
export type QuestionImage = S['QuestionImage']
export type QuestionType = NonNullable<Question['type']>
export type QuestionStatus = NonNullable<Question['status']>

export const QUESTION_TYPES: { value: QuestionType; label: string }[] = [
  { value: 'single', label: '单选' },
  { value: 'multiple', label: '多选' },
  { value: 'true_false', label: '判断' },
  { value: 'fill_in', label: '填空' },
  { value: 'short_answer', label: '简答' },
  { value: 'case_analysis', label: '案例分析' },
]

export type TagType = 'primary' | 'info' | 'warning' | 'success' | 'danger'

export const QUESTION_STATUS: { value: QuestionStatus; label: string; tag: TagType }[] = [
  { value: 'draft', label: '草稿', tag: 'info' },
  { value: 'pending', label: '待审', tag: 'warning' },
  { value: 'published', label: '已发布', tag: 'success' },
  { value: 'retired', label: '停用', tag: 'danger' },
]

export const statusTag = (status?: string): TagType => QUESTION_STATUS.find((s) => s.value === status)?.tag ?? 'info'

export interface ImportOptions {
  bank: number
  dryRun: boolean
  publish: boolean
  skipDuplicates: boolean
  mapping?: Record<string, string>
}

export const banksApi = {
  banks: (params: URLSearchParams, signal?: AbortSignal) => api.get<Page<Bank>>(`banks/?${params}`, { signal }),
  /** Every bank this admin may manage (for pickers). */
  managed: async () => (await api.get<Page<Bank>>('banks/?page_size=200')).results.filter((b) => b.can_manage),
  createBank: (input: { name: string; org_unit: number; description?: string; shared_down: boolean }) =>
    api.post<Bank>('banks/', input),
  updateBank: (id: number, input: Partial<{ name: string; description: string; shared_down: boolean; org_unit: number }>) =>
    api.patch<Bank>(`banks/${id}/`, input),

  questions: (params: URLSearchParams, signal?: AbortSignal) =>
    api.get<Page<Question>>(`questions/?${params}`, { signal }),
  question: (id: number) => api.get<Question>(`questions/${id}/`),
  versions: (lineage: string) =>
    api.get<Page<Question>>(`questions/?lineage=${lineage}&all_versions=1&page_size=200`),
  history: (id: number) => api.get<ReviewLog[]>(`questions/${id}/history`),
  create: (input: QuestionInput) => api.post<QuestionSaved>('questions/', input),
  update: (id: number, input: Partial<QuestionInput>) => api.patch<QuestionSaved>(`questions/${id}/`, input),
  review: (id: number, action: 'submit' | 'approve' | 'retire' | 'restore', comment = '') =>
    api.post<Question>(`questions/${id}/review`, { action, comment }),
  preview: (stem: string, explanation: string) =>
    api.post<S['PreviewOutput']>('questions/preview', { stem, explanation }),
  uploadImage: (bank: number, file: File) => {
    const form = new FormData()
    form.append('file', file)
    form.append('bank', String(bank))
    return api.upload<QuestionImage>('questions/images', form)
  },
  importFile: (file: File, options: ImportOptions) => {
    const form = new FormData()
    form.append('file', file)
    if (options.mapping) form.append('mapping', JSON.stringify(options.mapping))
    const query = new URLSearchParams({ bank: String(options.bank) })
    if (options.dryRun) query.set('dry_run', '1')
    if (options.publish) query.set('publish', '1')
    if (!options.skipDuplicates) query.set('skip_duplicates', '0')
    return api.upload<ImportReport>(`questions/import?${query}`, form)
  },
}

export const BANK_FILES = {
  template: { path: 'questions/template.xlsx', name: '试题导入模板.xlsx' },
  export: { path: 'questions/export', name: '试题' },
}
