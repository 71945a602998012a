// 案例征集: calls, rubrics (versions), reviewers, progress and the organizer's oversight.
import { api } from '@/api/http'
import type { components } from '@/api/schema'
import type { Page } from '../composables/useTable'

type S = components['schemas']
export type CaseCall = S['CaseCall']
export type CaseCallInput = S['CaseCallInputRequest']
// A rubric as the rubric list and editor get it: with whether the viewer may revise it.
export type Rubric = S['Rubric']
export type RubricInput = S['CaseRubricRequest']
export type CaseRow = S['CaseList']
export type Reviewer = S['Reviewer']
export type Candidate = S['ReviewerCandidate']
export type OpenAssignment = S['OpenAssignment']
export type CaseReviewer = S['CaseReviewer']

/** One rubric level ("band"): its label, the lowest score that reaches it and what it means. */
export interface Band {
  label: string
  min: string
  description: string
}

export interface UnitProgress {
  unit: number
  unit_name: string
  audience: number
  submitted: number
  drafts: number
  under_review: number
  arbitration: number
  returned: number
  scored: number
  rate: number
  missing: { id: number; name: string; username: string }[]
}

export interface ReviewerLoad {
  reviewer: number
  name: string
  assigned: number
  submitted: number
  open: number
  declined: number
  mean_deviation_from_final: string | null
}

export interface CallStats {
  call: number
  max_total: string
  by_status: Record<string, number>
  audience_total: number
  submitted_total: number
  units: UnitProgress[]
  scores: { count: number; mean?: string; min?: string; max?: string; buckets: { from: string; to: string; count: number }[] }
  /** Per reviewer: for the call's organizer only (blind review); empty for anyone else. */
  reviewers: ReviewerLoad[]
  agreement: {
    cases_compared: number
    mean_spread: string | null
    within_threshold: number
    threshold: string
    arbitrations: number
  }
  published: number
}

/** An admin's view of one case (the detail endpoint adds the author and the reviews). */
export interface CaseDetail {
  id: number
  title: string
  body_html: string
  status: string
  status_label: string
  final_score: string | null
  max_total: string
  show_author_name: boolean
  is_excellent: boolean
  published_at: string | null
  author?: { id: number; name: string; unit: string; position: string }
  reviews: {
    id: number
    label: string
    kind: string
    /** Only for the call's organizer (permissions.can_see_reviewers); null for anyone else. */
    reviewer: number | null
    /** The reviewer's name, or 评审员1, 评审员2… (fixed per case) for a non-organizer. */
    reviewer_name: string
    total: string
    overall_comment: string
    scores: { criterion_name: string; max_score: string; score: string; comment: string }[]
  }[]
  score_history?: { score: string; method: string; reason: string; changed_by: string; changed_at: string }[]
  /** What the viewer may do on this case's call (admins only; see CaseCall.permissions). */
  permissions?: CaseCall['permissions']
}

export const CASE_STATUS: Record<string, { label: string; tag: 'info' | 'warning' | 'success' | 'danger' | 'primary' }> = {
  draft: { label: '草稿', tag: 'info' },
  submitted: { label: '待分配', tag: 'info' },
  under_review: { label: '评审中', tag: 'primary' },
  arbitration: { label: '仲裁中', tag: 'danger' },
  revision: { label: '退回修改', tag: 'warning' },
  finished: { label: '已完成评审', tag: 'success' },
  withdrawn: { label: '已撤回', tag: 'info' },
}

export const CALL_STATE: Record<string, string> = { upcoming: '未开始', open: '征集中', closed: '已截止' }

export const casesApi = {
  calls: (params: URLSearchParams, signal?: AbortSignal) => api.get<Page<CaseCall>>(`case-calls/?${params}`, { signal }),
  call: (id: number) => api.get<CaseCall>(`case-calls/${id}`),
  createCall: (input: CaseCallInput) => api.post<CaseCall>('case-calls/', input),
  updateCall: (id: number, input: Partial<CaseCallInput>) => api.patch<CaseCall>(`case-calls/${id}`, input),
  stats: (id: number) => api.get<CallStats>(`case-calls/${id}/stats`),
  assignWaiting: (id: number) => api.post<{ assigned: number }>(`case-calls/${id}/assign`),
  openAssignments: (id: number) => api.get<Page<OpenAssignment>>(`case-calls/${id}/assignments?page_size=200`),

  rubrics: () => api.get<Page<Rubric>>('case-rubrics/?page_size=200'),
  rubric: (id: number) => api.get<Rubric>(`case-rubrics/${id}`),
  createRubric: (input: RubricInput) => api.post<Rubric>('case-rubrics/', input),
  /** The same rubric, or its next version when scores were already given against it. */
  reviseRubric: (id: number, input: RubricInput) => api.put<Rubric>(`case-rubrics/${id}`, input),

  reviewers: () => api.get<Reviewer[]>('case-reviewers/'),
  cases: (params: URLSearchParams, signal?: AbortSignal) => api.get<Page<CaseRow>>(`cases/?${params}`, { signal }),
  caseDetail: (id: number) => api.get<CaseDetail>(`cases/${id}`),
  caseReviewers: (id: number) => api.get<CaseReviewer[]>(`cases/${id}/reviewers`),
  candidates: (id: number) => api.get<Candidate[]>(`cases/${id}/candidates`),
  addReviewer: (id: number, reviewer: number) => api.post<{ assignment: number }>(`cases/${id}/reviewers`, { reviewer }),
  reassign: (assignment: number, reviewer: number) =>
    api.post<{ assignment: number }>(`reviews/${assignment}/reassign`, { reviewer }),
  arbitrate: (id: number, score: string, reason: string) => api.post<CaseDetail>(`cases/${id}/arbitrate`, { score, reason }),
  publish: (id: number, excellent: boolean) => api.post<CaseDetail>(`cases/${id}/publish`, { excellent }),
  unpublish: (id: number) => api.del<CaseDetail>(`cases/${id}/publish`),
}
