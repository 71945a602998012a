// The question editor's per-type answer shape (DESIGN.md's response shapes), shared with the
// review workspace.
import { describe, expect, it } from 'vitest'
import {
  answerOf,
  blankCount,
  changeType,
  changedFields,
  emptyForm,
  formFromQuestion,
  problems,
  syncBlanks,
  toInput,
} from '../../src/console/views/banks/questionForm'

const stored = {
  stem: '村务公开栏张贴名单不少于____天。',
  options: [],
  answer: [['7', '七']],
  scoring_points: [],
  explanation: '第五条',
  difficulty: 2,
  default_points: '2.00',
  knowledge_points: [4],
  tags: ['公开'],
  source_quote: '不少于7天',
}

describe('answer shape per type', () => {
  it('single sends one letter', () => {
    const form = { ...emptyForm('single'), stem: '题', single: 'B' }
    form.options = [
      { key: 'A', text: '甲' },
      { key: 'B', text: '乙' },
      { key: 'C', text: '' },
      { key: 'D', text: '' },
    ]
    const input = toInput(form)
    expect(input.answer).toBe('B')
    expect(input.options).toEqual([
      { key: 'A', text: '甲' },
      { key: 'B', text: '乙' },
    ])
  })

  it('multiple sends sorted letters', () => {
    expect(answerOf({ ...emptyForm('multiple'), multiple: ['C', 'A'] })).toEqual(['A', 'C'])
  })

  it('true_false sends a boolean and no options', () => {
    const input = toInput({ ...emptyForm('true_false'), stem: '题', trueFalse: false })
    expect(input.answer).toBe(false)
    expect(input.options).toEqual([])
  })

  it('fill_in sends one list of accepted answers per blank', () => {
    const form = { ...emptyForm('fill_in'), stem: '每____户推选____人', blanks: ['五|5', ' 一 '] }
    expect(answerOf(form)).toEqual([['五', '5'], ['一']])
  })

  it('subjective types send the reference text and keep scoring points', () => {
    for (const type of ['short_answer', 'case_analysis'] as const) {
      const form = {
        ...emptyForm(type),
        stem: '简述',
        reference: '要点',
        scoringPoints: [
          { point: '说清时限', score: '5' },
          { point: ' ', score: '1' },
        ],
      }
      const input = toInput(form)
      expect(input.answer).toBe('要点')
      expect(input.scoring_points).toEqual([{ point: '说清时限', score: '5' }])
      expect(input.options).toEqual([])
    }
  })
})

describe('reading a stored question back', () => {
  it('round-trips a fill-in question', () => {
    const form = formFromQuestion({ ...stored, type: 'fill_in' })
    expect(form.blanks).toEqual(['7|七'])
    expect(toInput(form).answer).toEqual([['7', '七']])
    expect(toInput(form).source_quote).toBe('不少于7天')
  })

  it('a held key leaves the answer empty and is caught before saving', () => {
    const form = formFromQuestion({ ...stored, type: 'fill_in', answer: null })
    expect(problems(form)).toContain('第1个空的答案为空')
  })

  it('reports only the fields that changed', () => {
    const before = formFromQuestion({ ...stored, type: 'fill_in' })
    expect(changedFields(before, before)).toEqual({})
    expect(changedFields(before, { ...before, explanation: '新解析' })).toEqual({ explanation: '新解析' })
  })
})

describe('shape problems said before a save', () => {
  it('single needs a chosen option that exists', () => {
    const form = { ...emptyForm('single'), stem: '题', single: 'C' }
    form.options = [
      { key: 'A', text: '甲' },
      { key: 'B', text: '乙' },
    ]
    expect(problems(form)).toEqual(['请选择正确选项'])
  })

  it('multiple needs two correct options', () => {
    const form = { ...emptyForm('multiple'), stem: '题', multiple: ['A'] }
    form.options = [
      { key: 'A', text: '甲' },
      { key: 'B', text: '乙' },
    ]
    expect(problems(form)).toEqual(['多选题至少选择两个正确选项'])
  })

  it('a gap between options is refused', () => {
    const form = { ...emptyForm('single'), stem: '题', single: 'A' }
    form.options = [
      { key: 'A', text: '甲' },
      { key: 'B', text: '' },
      { key: 'C', text: '丙' },
    ]
    expect(problems(form)).toContain('选项之间不能有空项')
  })

  it('fill-in blanks follow the stem', () => {
    expect(blankCount('a____b___c__')).toBe(2)
    expect(syncBlanks(['x'], 3)).toEqual(['x', '', ''])
    expect(syncBlanks(['x', 'y'], 0)).toEqual(['x'])
    const form = { ...emptyForm('fill_in'), stem: '没有空', blanks: ['x'] }
    expect(problems(form)[0]).toMatch('____')
  })

  it('true_false must be decided', () => {
    expect(problems({ ...emptyForm('true_false'), stem: '题' })).toEqual(['请选择“正确”或“错误”'])
  })
})

describe('changing type', () => {
  it('keeps the stem and carries a single answer into multiple', () => {
    const next = changeType({ ...emptyForm('single'), stem: '题', single: 'B' }, 'multiple')
    expect(next.stem).toBe('题')
    expect(next.multiple).toEqual(['B'])
  })

  it('gives a subjective question subjective points', () => {
    expect(changeType(emptyForm('single'), 'case_analysis').defaultPoints).toBe('10.00')
    expect(changeType(emptyForm('short_answer'), 'true_false').defaultPoints).toBe('2.00')
  })

  it('makes one answer box per blank when turning into fill-in', () => {
    expect(changeType({ ...emptyForm('single'), stem: '____和____' }, 'fill_in').blanks).toEqual(['', ''])
  })
})
