// The paper builders' working rows and how they become the API's input.
import type { PaperRuleInput } from '../../api/exams'
import { QUESTION_TYPES } from '../../api/banks'

export interface FixedItem {
  question_id: number
  type: string
  stem: string
  difficulty: number
  points: number
}

export interface RuleRow {
  key: number
  section: string
  bank: number | undefined
  type: string
  knowledge_point: number | null
  difficulty: [number, number]
  count: number
  points: number
}

const NUMERALS = '一二三四五六七八九十'
export const TYPE_ORDER = QUESTION_TYPES.map((t) => t.value as string)
export const typeLabel = (type: string) => QUESTION_TYPES.find((t) => t.value === type)?.label ?? type

/** Items grouped by type in the bank's type order, each group keeping its own order. */
export function groups(items: FixedItem[]): { type: string; title: string; items: FixedItem[] }[] {
  const present = TYPE_ORDER.filter((t) => items.some((i) => i.type === t))
  const others = [...new Set(items.map((i) => i.type))].filter((t) => !TYPE_ORDER.includes(t))
  return [...present, ...others].map((type, index) => ({
    type,
    title: `${NUMERALS[index] ?? index + 1}、${typeLabel(type)}题`,
    items: items.filter((i) => i.type === type),
  }))
}

/** The fixed paper's items in section order, each named by its section heading. */
export function sectioned(items: FixedItem[]) {
  return groups(items).flatMap((g) =>
    g.items.map((i) => ({ question_id: i.question_id, points: String(i.points), section: g.title })),
  )
}

export const emptyRule = (): RuleRow => ({
  key: Math.random(),
  section: '',
  bank: undefined,
  type: '',
  knowledge_point: null,
  difficulty: [1, 5],
  count: 5,
  points: 2,
})

export function toRuleInput(row: RuleRow): PaperRuleInput {
  return {
    section: row.section || (row.type ? `${typeLabel(row.type)}题` : ''),
    bank: row.bank as number,
    type: (row.type || '') as PaperRuleInput['type'],
    knowledge_point: row.knowledge_point,
    difficulty_min: row.difficulty[0],
    difficulty_max: row.difficulty[1],
    tags: [],
    count: row.count,
    points: String(row.points),
  }
}
