// The question editor's model for all six types, and the answer shape each type sends
// (DESIGN.md): single "B"; multiple ["A","C"]; true_false true/false; fill_in one list of
// accepted answers per blank; short answer and case analysis a reference text.
// Shared by the question editor and the review workspace; the server checks again.
import type { Question, QuestionInput, QuestionType } from '../../api/banks'

export interface OptionRow {
  key: string
  text: string
}

export interface ScoringPoint {
  point: string
  score: string
}

export interface QuestionForm {
  type: QuestionType
  stem: string
  options: OptionRow[]
  /** single: the chosen letter */
  single: string
  /** multiple: the chosen letters */
  multiple: string[]
  /** true_false */
  trueFalse: boolean | null
  /** fill_in: per blank, its accepted answers written "甲|乙" */
  blanks: string[]
  /** short_answer / case_analysis: the reference answer */
  reference: string
  scoringPoints: ScoringPoint[]
  explanation: string
  difficulty: number
  defaultPoints: string
  knowledgePoints: number[]
  tags: string[]
  /** kept as it was (the generator's cited span) */
  sourceQuote: string
}

export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']
const BLANK = /_{3,}/g
export const ALTERNATIVES = /[|｜]/

export const isChoice = (type: QuestionType) => type === 'single' || type === 'multiple'
export const isSubjective = (type: QuestionType) => type === 'short_answer' || type === 'case_analysis'

/** How many blanks (three or more underscores) the stem has. */
export function blankCount(stem: string): number {
  return (stem.match(BLANK) ?? []).length
}

export function emptyForm(type: QuestionType = 'single'): QuestionForm {
  return {
    type,
    stem: '',
    options: LETTERS.slice(0, 4).map((key) => ({ key, text: '' })),
    single: '',
    multiple: [],
    trueFalse: null,
    blanks: [''],
    reference: '',
    scoringPoints: [],
    explanation: '',
    difficulty: 3,
    defaultPoints: isSubjective(type) ? '10.00' : '2.00',
    knowledgePoints: [],
    tags: [],
    sourceQuote: '',
  }
}

/** The editor's model of a stored question (a held key leaves the answer fields empty). */
export type StoredQuestion = Pick<
  Question,
  'stem' | 'options' | 'answer' | 'scoring_points' | 'explanation' | 'difficulty' | 'default_points' | 'knowledge_points' | 'tags' | 'source_quote'
> & { type?: QuestionType }

export function formFromQuestion(q: StoredQuestion): QuestionForm {
  const form = emptyForm(q.type ?? 'single')
  form.stem = q.stem
  form.options = q.options.length ? q.options.map((o) => ({ key: o.key, text: o.text })) : form.options
  form.explanation = q.explanation ?? ''
  form.difficulty = q.difficulty ?? 3
  form.defaultPoints = String(q.default_points ?? form.defaultPoints)
  form.knowledgePoints = [...q.knowledge_points]
  form.tags = Array.isArray(q.tags) ? q.tags.map(String) : []
  form.sourceQuote = q.source_quote ?? ''
  form.scoringPoints = q.scoring_points.map((p) => ({ point: p.point, score: String(p.score) }))
  const answer = q.answer
  if (form.type === 'single' && typeof answer === 'string') form.single = answer
  if (form.type === 'multiple' && Array.isArray(answer)) form.multiple = answer.map(String)
  if (form.type === 'true_false' && typeof answer === 'boolean') form.trueFalse = answer
  if (form.type === 'fill_in' && Array.isArray(answer)) {
    form.blanks = answer.map((group) => (Array.isArray(group) ? group.join('|') : String(group)))
  }
  if (isSubjective(form.type) && typeof answer === 'string') form.reference = answer
  return form
}

/** Switch type, keeping what still makes sense (stem, options, explanation). */
export function changeType(form: QuestionForm, type: QuestionType): QuestionForm {
  const next = { ...form, type }
  if (type === 'fill_in') next.blanks = syncBlanks(form.blanks, blankCount(form.stem))
  if (type === 'single' && form.multiple.length === 1) next.single = form.multiple[0]!
  if (type === 'multiple' && form.single) next.multiple = [form.single]
  if (isSubjective(type) && !isSubjective(form.type)) next.defaultPoints = '10.00'
  if (!isSubjective(type) && isSubjective(form.type)) next.defaultPoints = '2.00'
  return next
}

/** One answer box per blank of the stem, keeping what was typed. */
export function syncBlanks(blanks: string[], count: number): string[] {
  const wanted = Math.max(1, count)
  return Array.from({ length: wanted }, (_, i) => blanks[i] ?? '')
}

/** Options without trailing empty rows (the server refuses a gap before a filled one). */
export function trimmedOptions(options: OptionRow[]): OptionRow[] {
  const rows = options.map((o) => ({ key: o.key, text: o.text.trim() }))
  while (rows.length && !rows[rows.length - 1]!.text) rows.pop()
  return rows
}

/** The answer in the shape the API takes for this type. */
export function answerOf(form: QuestionForm): unknown {
  switch (form.type) {
    case 'single':
      return form.single
    case 'multiple':
      return [...form.multiple].sort()
    case 'true_false':
      return form.trueFalse
    case 'fill_in':
      return form.blanks.map((cell) =>
        cell
          .split(ALTERNATIVES)
          .map((a) => a.trim())
          .filter(Boolean),
      )
    default:
      return form.reference
  }
}

/** Shape problems worth saying before a save (the server has the last word). */
export function problems(form: QuestionForm): string[] {
  const found: string[] = []
  if (!form.stem.trim()) found.push('请填写题干')
  if (isChoice(form.type)) {
    const options = trimmedOptions(form.options)
    const keys = new Set(options.filter((o) => o.text).map((o) => o.key))
    if (keys.size < 2) found.push('选择题至少需要两个选项')
    if (options.some((o) => !o.text)) found.push('选项之间不能有空项')
    if (form.type === 'single' && !keys.has(form.single)) found.push('请选择正确选项')
    if (form.type === 'multiple') {
      if (form.multiple.length < 2) found.push('多选题至少选择两个正确选项')
      else if (form.multiple.some((k) => !keys.has(k))) found.push('正确选项必须是已填写的选项')
    }
  }
  if (form.type === 'true_false' && form.trueFalse === null) found.push('请选择“正确”或“错误”')
  if (form.type === 'fill_in') {
    const count = blankCount(form.stem)
    if (!count) found.push('填空题题干中需要用 ____（至少三个下划线）标出空位')
    else if (form.blanks.length !== count) found.push(`题干有 ${count} 个空，答案有 ${form.blanks.length} 组`)
    ;(answerOf(form) as string[][]).forEach((group, i) => {
      if (!group.length) found.push(`第${i + 1}个空的答案为空`)
    })
  }
  if (isSubjective(form.type) && !form.reference.trim()) found.push('请填写参考答案')
  return found
}

/** The body of a create (with `bank`) or an edit. */
export function toInput(form: QuestionForm): Omit<QuestionInput, 'bank'> {
  return {
    type: form.type,
    stem: form.stem,
    options: isChoice(form.type) ? trimmedOptions(form.options) : [],
    answer: answerOf(form),
    scoring_points: isSubjective(form.type)
      ? form.scoringPoints.filter((p) => p.point.trim()).map((p) => ({ point: p.point.trim(), score: p.score }))
      : [],
    explanation: form.explanation,
    difficulty: form.difficulty,
    default_points: form.defaultPoints,
    knowledge_points: form.knowledgePoints,
    tags: form.tags,
    source_quote: form.sourceQuote,
  }
}

/** Only what differs from the stored question (for edit-then-approve). */
export function changedFields(before: QuestionForm, after: QuestionForm): Partial<ReturnType<typeof toInput>> {
  const a = toInput(before) as Record<string, unknown>
  const b = toInput(after) as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(b)) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out[key] = b[key]
  }
  return out
}

/** A correct answer as people read it, for lists and the review panel. */
export function answerText(type: QuestionType, answer: unknown): string {
  if (answer === null || answer === undefined) return ''
  if (type === 'true_false') return answer ? '正确' : '错误'
  if (type === 'multiple' && Array.isArray(answer)) return answer.join('')
  if (type === 'fill_in' && Array.isArray(answer)) {
    return answer.map((g) => (Array.isArray(g) ? g.join(' / ') : String(g))).join('；')
  }
  return String(answer)
}
