import { api } from './http'
import type {
  AnswerAck,
  AnswerInput,
  AnswerResponse,
  Attempt,
  AttemptEventKind,
  AttemptEventReply,
  ExamCard,
  ExamDetail,
  Paginated,
} from './types'

export const examsApi = {
  mine: () => api.get<Paginated<ExamCard>>('exams/?mine=1&page_size=100'),
  detail: (id: number) => api.get<ExamDetail>(`exams/${id}`),
  start: (examId: number) => api.post<Attempt>(`exams/${examId}/attempts`),
  attempt: (id: number) => api.get<Attempt>(`attempts/${id}`),
  saveAnswer: (attemptId: number, questionId: number, response: AnswerResponse, seq: number) =>
    api.put<AnswerAck>(`attempts/${attemptId}/answers/${questionId}`, { response, seq }),
  saveBatch: (attemptId: number, answers: AnswerInput[]) =>
    api.post<{ results: AnswerAck[] }>(`attempts/${attemptId}/answers/batch`, { answers }),
  submit: (attemptId: number) => api.post<Attempt>(`attempts/${attemptId}/submit`),
  saveFlags: (attemptId: number, questionIds: number[]) =>
    api.put<{ question_ids: number[] }>(`attempts/${attemptId}/flags`, { question_ids: questionIds }),
  event: (attemptId: number, kind: AttemptEventKind, detail?: string) =>
    api.post<AttemptEventReply>(`attempts/${attemptId}/events`, detail ? { kind, detail } : { kind }),
}
