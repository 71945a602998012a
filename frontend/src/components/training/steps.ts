// The logic of answering a set one question at a time (practice, the daily quiz).
interface Step {
  feedback?: unknown
}

/** Where to resume: the first question without feedback, else the last one. */
export function firstOpen(items: Step[]): number {
  const open = items.findIndex((i) => !i.feedback)
  return open >= 0 ? open : Math.max(0, items.length - 1)
}

export interface StepSummary {
  done: number
  correct: number
  total: number
}

export function summarize(items: { feedback?: { is_correct?: boolean | null } | null }[]): StepSummary {
  const done = items.filter((i) => i.feedback)
  return { done: done.length, correct: done.filter((i) => i.feedback?.is_correct).length, total: items.length }
}
