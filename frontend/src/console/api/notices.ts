// 通知公告: the admin's notices (in scope), their audience, withdrawing, the reach count and
// the server-rendered preview; types from the generated schema.
import { api } from '@/api/http'
import type { components } from '@/api/schema'
import type { Page } from '../composables/useTable'

type S = components['schemas']
export type Notice = S['NoticeAdmin']
export type NoticeInput = S['NoticeInputRequest']
export type NoticeUpdate = S['PatchedNoticeUpdateRequest']
export type NoticeReachInput = S['NoticeReachInputRequest']
export type NoticeStatus = S['NoticeStatusEnum']

export const NOTICE_STATUSES: { value: NoticeStatus; label: string; tag: 'info' | 'success' | 'warning' }[] = [
  { value: 'scheduled', label: '未发布', tag: 'info' },
  { value: 'live', label: '生效中', tag: 'success' },
  { value: 'expired', label: '已截止', tag: 'warning' },
]

export const noticeStatusOf = (status: string) => NOTICE_STATUSES.find((s) => s.value === status) ?? NOTICE_STATUSES[0]

export const noticesApi = {
  list: (params: URLSearchParams, signal?: AbortSignal) => api.get<Page<Notice>>(`notices/?${params}`, { signal }),
  get: (id: number) => api.get<Notice>(`notices/${id}`),
  create: (input: NoticeInput) => api.post<Notice>('notices/', input),
  update: (id: number, input: NoticeUpdate) => api.patch<Notice>(`notices/${id}`, input),
  remove: (id: number) => api.del<void>(`notices/${id}`),
  withdraw: (id: number) => api.post<Notice>(`notices/${id}/withdraw`),
  reach: (input: NoticeReachInput, signal?: AbortSignal) =>
    api.post<S['NoticeReach']>('notices/reach', input, { signal }),
  preview: (body: string, signal?: AbortSignal) =>
    api.post<S['NoticePreview']>('notices/preview', { body }, { signal }),
}
