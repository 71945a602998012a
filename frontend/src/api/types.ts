// Hand-written types for the v1 API contract (team/API_CONTRACT.md).
// `npm run gen:api` writes src/api/schema.d.ts from the backend's OpenAPI schema;
// src/api/schemaCheck.ts then makes the build fail when the generated types and
// these drift apart.

export interface UnitRef {
  id: number
  name: string
  full_name: string
}

export type Role = 'cadre' | 'reviewer' | 'org_admin' | 'superuser' | (string & {})

export interface Me {
  id: number
  username: string
  real_name: string
  mobile: string | null
  position: string
  org_unit: UnitRef | null
  roles: Role[]
  admin_units: UnitRef[]
  must_change_password: boolean
}

export interface LoginInput {
  username: string
  password: string
}

export interface PasswordInput {
  old_password: string
  new_password: string
}

export interface ErrorBody {
  detail?: string
  errors?: Record<string, string[]>
  code?: string
}

export interface Paginated<T> {
  count: number
  next: string | null
  previous: string | null
  results: T[]
}

export type ExamKind = 'formal' | 'mock' | 'practice'
export type ExamState = 'upcoming' | 'open' | 'closed'
/** When the score, and separately the answers and explanations, show to the cadre. */
export type Release = 'immediate' | 'after_close' | 'never'

export interface ExamCard {
  id: number
  title: string
  description: string
  kind: ExamKind
  kind_label: string
  opens_at: string
  closes_at: string
  duration_minutes: number
  attempts_allowed: number
  attempts_used: number
  state: ExamState
  in_progress_attempt: number | null
  last_attempt: number | null
  pass_mark: string
  total_points: string
  question_count: number
  score_release: Release
  score_release_label: string
  answer_release: Release
  answer_release_label: string
  focus_loss_limit: number | null
}

export interface ExamDetail extends ExamCard {
  rules: string
}

export type QuestionType =
  | 'single'
  | 'multiple'
  | 'true_false'
  | 'fill_in'
  | 'short_answer'
  | 'case_analysis'

/** single "B"; multiple ["A","C"]; true_false boolean; fill_in one string per blank; text otherwise. */
export type AnswerResponse = string | string[] | boolean | null

export interface AttemptOption {
  key: string
  html: string
}

export interface AttemptQuestion {
  id: number
  position: number
  type: QuestionType
  stem_html: string
  options: AttemptOption[]
  blanks: number
  points: string
}

export interface StoredAnswer {
  response: AnswerResponse
  seq: number
  saved_at: string
}

export interface SourceRef {
  material_id: number
  material_title: string
  passage_id: string
  quote: string
}

export interface ResultItem {
  question_id: number
  position: number
  type: QuestionType
  stem_html: string
  your_response: AnswerResponse
  correct: boolean | null
  score: string
  points: string
  answer?: AnswerResponse
  explanation_html?: string
  /** Another exam the cadre could still sit holds this key: answer, explanation and source are empty. */
  key_held?: boolean
  source: SourceRef | null
}

export interface KnowledgePointScore {
  id: number
  name: string
  score: string
  max_score: string
}

export interface AttemptResult {
  /** False while the exam's score release holds the score back (score and passed are null). */
  score_visible: boolean
  answers_visible: boolean
  score: string | null
  max_score: string
  passed: boolean | null
  pending_review: boolean
  rank_in_unit: number | null
  unit_count: number | null
  knowledge_points: KnowledgePointScore[]
  items: ResultItem[]
}

export type SubmitReason = 'manual' | 'deadline' | 'focus_loss'

export interface Attempt {
  id: number
  exam: { id: number; title: string; kind: ExamKind; score_release: Release; answer_release: Release }
  status: 'in_progress' | 'submitted'
  started_at: string
  deadline: string
  server_now: string
  submitted_at: string | null
  submit_reason: SubmitReason | null
  questions: AttemptQuestion[]
  answers: Record<string, StoredAnswer>
  focus_loss_count: number
  focus_loss_limit: number | null
  result: AttemptResult | null
}

export interface AnswerInput {
  question_id: number
  response: AnswerResponse
  seq: number
}

export interface AnswerAck {
  question_id: number
  response: AnswerResponse
  seq: number
  saved_at: string
  accepted: boolean
  /** The attempt's deadline now (moves when an admin gives this person extra time). */
  deadline?: string
}

export type AttemptEventKind = 'focus_loss' | 'focus_return' | 'reconnect' | 'offline'

export interface AttemptEventReply {
  focus_loss_count: number
  focus_loss_limit: number | null
  submitted: boolean
  detail?: string
}
