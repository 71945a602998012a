// Training endpoints (daily quiz, practice, wrong-question book). Their types come straight
// from the generated OpenAPI schema, so a backend change that breaks these screens fails the build.
import { api } from './http'
import type { components } from './schema'
import type { AnswerResponse, Paginated } from './types'

type S = components['schemas']
export type DailyQuiz = S['DailyQuiz']
export type DailyQuizAnswer = S['DailyQuizAnswer']
export type Feedback = S['Feedback']
export type Streak = S['Streak']
export type PublicQuestion = S['QuestionPublic']
export type PracticeOptions = S['PracticeOptions']
export type PracticeSession = S['PracticeSession']
export type PracticeSessionDetail = S['PracticeSessionDetail']
export type WrongBookEntry = S['WrongBookEntry']
export type WrongBookRetry = S['WrongBookRetry']
export type WrongBookSummary = S['WrongBookSummary']
export type PassagePractice = S['PassagePractice']

export const trainingApi = {
  daily: () => api.get<DailyQuiz>('daily-quiz/'),
  answerDaily: (questionId: number, response: AnswerResponse) =>
    api.post<DailyQuizAnswer>('daily-quiz/answers', { question_id: questionId, response }),
  practiceOptions: () => api.get<PracticeOptions>('practice/options'),
  practiceSessions: () => api.get<Paginated<PracticeSession>>('practice/?page_size=5'),
  startPractice: (input: S['PracticeStartRequest']) => api.post<PracticeSessionDetail>('practice/', input),
  /** Passages of a material with questions to practise (练一练 in the reader). */
  passagePractice: (material: number) => api.get<PassagePractice[]>(`practice/passages?material=${material}`),
  practice: (id: number) => api.get<PracticeSessionDetail>(`practice/${id}/`),
  answerPractice: (id: number, questionId: number, response: AnswerResponse) =>
    api.post<Feedback>(`practice/${id}/answers`, { question_id: questionId, response }),
  wrongBook: (knowledgePoint?: number) =>
    api.get<Paginated<WrongBookEntry>>(
      `wrong-book/?page_size=100${knowledgePoint ? `&knowledge_point=${knowledgePoint}` : ''}`,
    ),
  wrongBookSummary: () => api.get<WrongBookSummary>('wrong-book/summary'),
  retryWrong: (id: number, response: AnswerResponse) =>
    api.post<WrongBookRetry>(`wrong-book/${id}/retry`, { response }),
}

export type StudyNeeds = S['StudyNeeds']
export type StudyVote = S['StudyVote']

export const studyNeedsApi = {
  get: () => api.get<StudyNeeds>('study-needs/'),
  vote: (input: S['StudyVoteInRequest']) => api.post<StudyVote>('study-needs/votes', input),
  unvote: (id: number) => api.del<void>(`study-needs/votes/${id}`),
  propose: (input: S['StudyTopicInRequest']) => api.post<S['StudyTopicProposed']>('study-needs/topics', input),
}
