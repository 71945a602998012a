import { api } from './http'
import type { components } from './schema'
import type { Paginated } from './types'

type S = components['schemas']
export type CaseCall = S['CaseCall']
export type CaseItem = S['CaseList']
export type CaseDetail = S['Case']
export type ReturnComment = S['CaseReturnComment']
export type CaseImage = S['CaseImage']
export type LibraryCase = S['LibraryCase']
export type ReviewListItem = S['CaseAssignmentList']
export type Review = S['CaseAssignment']
export type Rubric = S['CaseRubric']

export const EDITABLE_STATUSES = ['draft', 'withdrawn', 'revision']

export const casesApi = {
  calls: () => api.get<Paginated<CaseCall>>('case-calls/?page_size=50'),
  call: (id: number) => api.get<CaseCall>(`case-calls/${id}`),
  mine: () => api.get<Paginated<CaseItem>>('cases/?mine=1&page_size=100'),
  create: (call: number, draft: { title: string; body: string; show_author_name: boolean }) =>
    api.post<CaseDetail>('cases/', { call, ...draft }),
  get: (id: number) => api.get<CaseDetail>(`cases/${id}`),
  saveDraft: (id: number, input: S['PatchedCaseDraftRequest']) => api.patch<CaseDetail>(`cases/${id}`, input),
  uploadImage: (id: number, file: Blob, name: string) => {
    const form = new FormData()
    form.append('file', file, name)
    return api.upload<CaseImage>(`cases/${id}/images`, form)
  },
  submit: (id: number, showAuthorName: boolean) =>
    api.post<CaseDetail>(`cases/${id}/submit`, { show_author_name: showAuthorName }),
  withdraw: (id: number) => api.post<CaseDetail>(`cases/${id}/withdraw`),
  library: (search = '', page = 1) =>
    api.get<Paginated<LibraryCase>>(`case-library/?page=${page}&page_size=20${search ? `&search=${encodeURIComponent(search)}` : ''}`),
  libraryCase: (id: number) => api.get<LibraryCase>(`case-library/${id}`),
  reviews: () => api.get<Paginated<ReviewListItem>>('reviews/?page_size=100'),
  review: (id: number) => api.get<Review>(`reviews/${id}`),
  saveReview: (id: number, input: S['CaseReviewInputRequest']) => api.put<Review>(`reviews/${id}`, input),
  submitReview: (id: number, input: S['CaseReviewInputRequest']) => api.post<Review>(`reviews/${id}/submit`, input),
  declineReview: (id: number, reason: string) => api.post<unknown>(`reviews/${id}/decline`, { reason }),
}

/** An exam's subjective answer waiting for a reviewer's score (grading-tasks/). */
export interface GradingTask {
  id: number
  exam: { id: number; title: string }
  question: {
    id: number
    type: string
    stem_html: string
    /** Scaled to this paper's points; `bank_score` is what the bank wrote. */
    scoring_points: { point: string; score: string; bank_score?: string }[]
    reference_answer: string
  }
  points: string
  answer_text: string
  score: string | null
  comment: string
  graded_at: string | null
  /** Every score given, the first and each revision. */
  history?: { score: string; comment: string; reviewer: string; at: string }[]
}

export const gradingApi = {
  /** Pending and graded together: the 已评分 tab lists what was graded before a reload. */
  tasks: () => api.get<Paginated<GradingTask>>('grading-tasks/?page_size=100&pending=0'),
  grade: (id: number, score: string, comment: string) =>
    api.post<Partial<GradingTask>>(`grading-tasks/${id}/grade`, { score, comment }),
}
