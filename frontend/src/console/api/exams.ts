// 试卷 and 考试: papers, exams and their lifecycle, the monitor, results and grading.
// Shapes the generated schema types loosely (report payloads, a paper's items and rules)
// are written out here; everything else comes from the generated types.
import { api } from '@/api/http'
import type { components } from '@/api/schema'
import type { Page } from '../composables/useTable'

type S = components['schemas']
export type Paper = S['Paper']
export type PaperInput = S['PaperInputRequest']
export type PaperRuleInput = S['PaperRuleInputRequest']
export type RuleAvailability = S['RuleAvailability']
export type Exam = S['ExamAdmin']
export type ExamInput = S['ExamInputRequest']
export type Release = S['ExamReleaseEnum']
export type Grader = S['Grader']

/** A fixed paper's item as the API reads it back. */
export interface PaperItemRow {
  question_id: number
  type: string
  stem: string
  difficulty: number
  points: string
  section: string
  position: number
}

/** A rule paper's row as the API reads it back. */
export interface PaperRuleRow {
  position: number
  section: string
  bank: number
  type: string
  knowledge_point: number | null
  difficulty_min: number
  difficulty_max: number
  tags: string[]
  count: number
  points: string
  description: string
}

export interface PreviewQuestion {
  position: number
  section: string
  points: string
  question_id: number
  type: string
  stem: string
  options: { key: string; text?: string }[]
  answer: unknown
  key_held: boolean
  difficulty: number
}

export interface PaperPreview {
  paper_id: number
  question_count: number
  total_points: string
  questions: PreviewQuestion[]
}

export type ExamState = 'draft' | 'upcoming' | 'open' | 'closed' | 'cancelled'

export const EXAM_STATES: { value: ExamState; label: string; tag: 'info' | 'warning' | 'success' | 'danger' | 'primary' }[] = [
  { value: 'draft', label: '草稿', tag: 'info' },
  { value: 'upcoming', label: '未开始', tag: 'primary' },
  { value: 'open', label: '进行中', tag: 'success' },
  { value: 'closed', label: '已结束', tag: 'warning' },
  { value: 'cancelled', label: '已取消', tag: 'danger' },
]

export const stateOf = (state: string) => EXAM_STATES.find((s) => s.value === state) ?? EXAM_STATES[0]

export const RELEASES: { value: Release; label: string }[] = [
  { value: 'immediate', label: '交卷后立即公布' },
  { value: 'after_close', label: '考试结束后公布' },
  { value: 'never', label: '不公布' },
]

export const EXAM_KINDS = [
  { value: 'formal', label: '正式考试' },
  { value: 'mock', label: '模拟考试' },
  { value: 'practice', label: '练习' },
] as const

export interface UnitRef {
  id: number | null
  full_name: string
}

export interface MonitorCounts {
  audience: number
  outside_audience: number
  not_started: number
  in_progress: number
  submitted: number
  auto_submitted: number
  graded: number
  waiting_grading: number
}

export interface MonitorPerson {
  user_id: number
  name: string
  username: string
  unit: UnitRef
  in_audience: boolean
  state: 'not_started' | 'in_progress' | 'submitted' | 'auto_submitted'
  state_label: string
  attempt_id: number | null
  attempts: number
  answered: number | null
  total: number
  deadline: string | null
  seconds_left: number | null
  focus_loss_count: number
  last_saved_at: string | null
  score: string | null
  pending_review: boolean
  /** Granted in the console; someone not started gets it on top of their deadline. */
  extra_minutes: number
}

export interface Monitor {
  exam_id: number
  state: ExamState
  server_now: string
  audience_rule: string
  totals: MonitorCounts
  units: (MonitorCounts & { unit: UnitRef })[]
  people: MonitorPerson[]
}

export interface Stats {
  participants: number
  audience: number
  participation_rate: number | null
  max_score: string
  mean: string
  median: string | null
  highest: string | null
  lowest: string | null
  pass_rate: number | null
  distribution: { from: number; to: number; count: number }[]
  units: { unit: UnitRef; participants: number; audience: number; participation_rate: number | null; mean: string }[]
}

export interface ItemRow {
  question_id: number
  type: string
  type_label: string
  stem: string
  responses: number
  facility: number
  discrimination: number | null
  choices: Record<string, number>
  mean_seconds: number | null
  low_discrimination: boolean
  question_status: string
}

export interface History {
  score_changes: {
    id: number
    kind: string
    kind_label: string
    name: string
    username: string
    old_score: string | null
    new_score: string | null
    reason: string
    actor: string
    created_at: string
  }[]
  logs: {
    id: number
    kind: string
    kind_label: string
    reason: string
    detail: string
    person: string
    actor: string
    created_at: string
  }[]
}

export interface GradingProgress {
  total: number
  graded: number
  waiting: number
  questions: { question_id: number; type_label: string; stem: string; total: number; graded: number; waiting: number }[]
  graders: { user_id: number; name: string; graded: number }[]
}

export interface AudienceCount {
  count: number
  by_unit: { unit: number; name: string; count: number }[]
}

export const papersApi = {
  list: (params: URLSearchParams, signal?: AbortSignal) => api.get<Page<Paper>>(`papers/?${params}`, { signal }),
  all: async () => (await api.get<Page<Paper>>('papers/?page_size=200')).results,
  get: (id: number) => api.get<Paper>(`papers/${id}`),
  create: (input: PaperInput) => api.post<Paper>('papers/', input),
  update: (id: number, input: PaperInput) => api.put<Paper>(`papers/${id}`, input),
  copy: (id: number) => api.post<Paper>(`papers/${id}/copy`),
  preview: (id: number) => api.get<PaperPreview>(`papers/${id}/preview`),
  availability: (rules: PaperRuleInput[], signal?: AbortSignal) =>
    api.post<RuleAvailability[]>('papers/availability', { rules }, { signal }),
}

export const examsApi = {
  list: (params: URLSearchParams, signal?: AbortSignal) => api.get<Page<Exam>>(`exams/?${params}`, { signal }),
  get: (id: number) => api.get<Exam>(`exams/${id}`),
  create: (input: ExamInput) => api.post<Exam>('exams/', input),
  update: (id: number, input: Partial<ExamInput>) => api.patch<Exam>(`exams/${id}`, input),
  audienceCount: (input: Pick<ExamInput, 'org_unit' | 'audience_units' | 'include_subunits' | 'audience_roles' | 'audience_users'>, signal?: AbortSignal) =>
    api.post<AudienceCount>('exams/audience-count', input, { signal }),
  publish: (id: number, notice: boolean, noticeBody = '') =>
    api.post<Exam>(`exams/${id}/publish`, { notice, notice_body: noticeBody }),
  extend: (id: number, closesAt: string, reason: string) =>
    api.post<Exam>(`exams/${id}/extend`, { closes_at: closesAt, reason }),
  extraTime: (id: number, user: number, minutes: number, reason: string) =>
    api.post<Exam>(`exams/${id}/extra-time`, { user, minutes, reason }),
  close: (id: number, reason: string) => api.post<Exam>(`exams/${id}/close`, { reason }),
  cancel: (id: number, reason: string) => api.post<Exam>(`exams/${id}/cancel`, { reason }),
  monitor: (id: number) => api.get<Monitor>(`exams/${id}/monitor`),
  stats: (id: number) => api.get<Stats>(`exams/${id}/stats`),
  items: (id: number) => api.get<{ attempts: number; items: ItemRow[] }>(`exams/${id}/items`),
  history: (id: number) => api.get<History>(`exams/${id}/history`),
  grading: (id: number) => api.get<GradingProgress>(`exams/${id}/grading`),
  graders: (id: number) => api.get<S['Graders']>(`exams/${id}/graders`),
  setGraders: (id: number, graders: number[]) => api.put<S['Graders']>(`exams/${id}/graders`, { graders }),
  flagItem: (id: number, questionId: number, reason: string) =>
    api.post<{ question_id: number; status: string }>(`exams/${id}/items/${questionId}/flag`, { reason }),
  regrade: (questionId: number, answer: unknown, reason: string) =>
    api.post<{ attempts_rescored: number; scores_changed: number }>('regrades/', { question_id: questionId, answer, reason }),
}

export const EXAM_FILES = {
  results: (id: number) => ({ path: `exams/${id}/results.xlsx`, name: `考试${id}成绩.xlsx` }),
  notStarted: (id: number) => ({ path: `exams/${id}/not-started.xlsx`, name: `考试${id}未开始人员.xlsx` }),
  scoreSheet: (id: number) => ({ path: `exams/${id}/score-sheet.docx`, name: `考试${id}成绩单.docx` }),
}
