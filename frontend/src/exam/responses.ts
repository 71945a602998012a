import type { AnswerResponse, QuestionType } from '@/api/types'

export const TYPE_LABELS: Record<QuestionType, string> = {
  single: '单选题',
  multiple: '多选题',
  true_false: '判断题',
  fill_in: '填空题',
  short_answer: '简答题',
  case_analysis: '案例分析题',
}

/** Whether a response counts as answered for the answer sheet and the submit check. */
export function isAnswered(type: QuestionType, response: AnswerResponse | undefined): boolean {
  if (response === undefined || response === null) return false
  switch (type) {
    case 'true_false':
      return typeof response === 'boolean'
    case 'multiple':
      return Array.isArray(response) && response.length > 0
    case 'fill_in':
      return Array.isArray(response) && response.some((b) => typeof b === 'string' && b.trim() !== '')
    default:
      return typeof response === 'string' && response.trim() !== ''
  }
}

/** A response as short Chinese text, for the result page. */
export function describeResponse(type: QuestionType, response: AnswerResponse | undefined): string {
  if (!isAnswered(type, response ?? null)) return '未作答'
  if (type === 'true_false') return response ? '正确' : '错误'
  if (type === 'multiple' && Array.isArray(response)) return [...response].sort().join('、')
  if (type === 'fill_in' && Array.isArray(response)) return response.map((b, i) => `(${i + 1}) ${b || '—'}`).join('  ')
  return String(response)
}

/**
 * The reference answer on the result page. An exam's fill-in key lists every accepted text
 * per blank ([["乡村振兴", "振兴乡村"], ["三年"]]); the alternatives are shown with "／".
 */
export function describeKey(type: QuestionType, key: unknown): string {
  if (type === 'fill_in' && Array.isArray(key)) {
    const blanks = key.map((b) => (Array.isArray(b) ? b.map(String).join('／') : String(b ?? '')))
    return describeResponse(type, blanks)
  }
  return describeResponse(type, key as AnswerResponse)
}

/**
 * A choice response or key with each letter's option text ("B．按月公开"), so a cadre who saw
 * the options shuffled can still tell which answer was which; other types as before.
 */
export function describeChoice(
  type: QuestionType,
  value: unknown,
  options: { key: string; text: string }[] | undefined,
  asKey = false,
): string {
  const letters = typeof value === 'string' ? [value] : Array.isArray(value) ? [...value].map(String).sort() : null
  if ((type === 'single' || type === 'multiple') && options?.length && letters?.length) {
    const texts = new Map(options.map((o) => [o.key, o.text]))
    return letters.map((k) => (texts.has(k) ? `${k}．${texts.get(k)}` : k)).join('；')
  }
  return asKey ? describeKey(type, value) : describeResponse(type, value as AnswerResponse)
}

/** Multiple choice: toggle one key, keeping the displayed (alphabetical) order. */
export function toggleKey(current: AnswerResponse | undefined, key: string): string[] {
  const keys = Array.isArray(current) ? [...current] : []
  const at = keys.indexOf(key)
  if (at >= 0) keys.splice(at, 1)
  else keys.push(key)
  return keys.sort()
}
