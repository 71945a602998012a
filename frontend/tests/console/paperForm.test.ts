// 试卷: the fixed builder's sections (by type, in the bank's type order, each keeping the
// order the admin dragged) and the rule rows as the API takes them.
import { describe, expect, it } from 'vitest'
import { type FixedItem, emptyRule, groups, sectioned, toRuleInput } from '@/console/views/papers/paperForm'

const item = (question_id: number, type: string, points = 2): FixedItem => ({
  question_id,
  type,
  stem: `题${question_id}`,
  difficulty: 3,
  points,
})

describe('fixed paper sections', () => {
  it('groups by type in the bank order and numbers the headings', () => {
    const items = [item(1, 'true_false'), item(2, 'single'), item(3, 'true_false'), item(4, 'single')]
    expect(groups(items).map((g) => [g.title, g.items.map((i) => i.question_id)])).toEqual([
      ['一、单选题', [2, 4]],
      ['二、判断题', [1, 3]],
    ])
  })

  it('sends items in section order, each with its section and points', () => {
    const items = [item(7, 'multiple', 4), item(5, 'single', 2.5)]
    expect(sectioned(items)).toEqual([
      { question_id: 5, points: '2.5', section: '一、单选题' },
      { question_id: 7, points: '4', section: '二、多选题' },
    ])
  })
})

describe('rule rows', () => {
  it('become the API input, with a section named after the type when none is given', () => {
    const row = { ...emptyRule(), bank: 3, type: 'true_false', difficulty: [2, 4] as [number, number], count: 6, points: 1.5 }
    expect(toRuleInput(row)).toEqual({
      section: '判断题',
      bank: 3,
      type: 'true_false',
      knowledge_point: null,
      difficulty_min: 2,
      difficulty_max: 4,
      tags: [],
      count: 6,
      points: '1.5',
    })
  })
})
