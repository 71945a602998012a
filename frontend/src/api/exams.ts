import { api } from './http'
import type {
  AnswerAck,
  AnswerInput,
  Attempt,
  AttemptClock,
  AttemptEventKind,
  AttemptEventReply,
  BatchSaveReply,
  ExamCard,
  ExamDetail,
  Paginated,
  SubmitReply,
} from './types'

export const examsApi = {
  mine: () => api.get<Paginated<ExamCard>>('exams/?mine=1&page_size=100'),
  detail: (id: number) => api.get<ExamDetail>(`exams/${id}`),
  start: (examId: number) => api.post<Attempt>(`exams/${examId}/attempts`),
  attempt: (id: number) => api.get<Attempt>(`attempts/${id}`),
  /** Status and deadline only: an idle exam page checks its countdown with it. */
  clock: (id: number) => api.get<AttemptClock>(`attempts/${id}/clock`),
  saveAnswer: (attemptId: number, { question_id, ...body }: AnswerInput) =>
    api.put<AnswerAck>(`attempts/${attemptId}/answers/${question_id}`, body),
  /** All items are stored or none (409); each result says whether its item was stored. */
  saveBatch: (attemptId: number, answers: AnswerInput[]) =>
    api.post<BatchSaveReply>(`attempts/${attemptId}/answers/batch`, { answers }),
  /** Light: status and (when released) the score; GET attempts/{id} has the full result. */
  submit: (attemptId: number) => api.post<SubmitReply>(`attempts/${attemptId}/submit`),
  saveFlags: (attemptId: number, questionIds: number[]) =>
    api.put<{ question_ids: number[] }>(`attempts/${attemptId}/flags`, { question_ids: questionIds }),
  event: (attemptId: number, kind: AttemptEventKind, detail?: string) =>
    api.post<AttemptEventReply>(`attempts/${attemptId}/events`, detail ? { kind, detail } : { kind }),
}
