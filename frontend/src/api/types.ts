// Types of the v1 API contract. `npm run gen:api` writes src/api/schema.d.ts from the
// backend's OpenAPI schema. The exam contract is taken from it directly; the remaining
// hand-written types are compared with it by src/api/schemaCheck.ts, so the build fails
// when the two drift apart (or when a component it checks is missing).
import type { components } from './schema'


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
  /** Extra time granted to this cadre; added to the deadline of the attempt they start. */
  extra_minutes: number
  /** Another exam this cadre still sits shares questions with this one: its score waits for that exam. */
  score_held: boolean
}

/** Question type codes; the phone app's exam contract below uses the same six. */
export type QuestionType =
  | 'single'
  | 'multiple'
  | 'true_false'
  | 'fill_in'
  | 'short_answer'
  | 'case_analysis'

// --- the exam contract: generated from the backend's OpenAPI schema (apps/exams/api/contract.py)
type S = components['schemas']

/** single "B"; multiple ["A","C"]; true_false boolean; fill_in one string per blank; text otherwise. */
export type AnswerResponse = S['AnswerPutRequest']['response']
export type Attempt = S['Attempt']
export type AttemptQuestion = S['AttemptQuestion']
export type AttemptOption = S['AttemptOption']
export type StoredAnswer = S['StoredAnswer']
export type AttemptResult = S['Result']
export type ResultItem = S['ResultItem']
export type SourceRef = S['SourceRef']
export type KnowledgePointScore = S['KnowledgePointScore']
export type SubmitReason = S['SubmitReasonEnum']
/** One answer in a save: the PUT's body plus its question (the batch's item). */
export type AnswerInput = S['AnswerItemRequest']
export type AnswerAck = S['AnswerAck']
export type BatchSaveReply = S['BatchSaveReply']
export type AttemptEventReply = S['AttemptEventReply']
/** GET attempts/{id}/clock: status and deadline with the server's time. */
export type AttemptClock = S['AttemptClock']
/** The submit's light reply: status and, when released, the score; the result page loads the rest. */
export type SubmitReply = S['SubmitReply']
export type AttemptEventKind = S['EventInputKindEnum']
