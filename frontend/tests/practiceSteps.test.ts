import { describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, h, nextTick, reactive } from 'vue'
import type { PublicQuestion } from '@/api/training'
import { firstOpen, summarize } from '@/components/training/steps'

vi.mock('@/components/training/PracticeQuestion.vue', () => ({
  default: defineComponent({
    props: ['question', 'feedback'],
    setup: (props) => () => h('section', { class: 'pq' }, String(props.question.id)),
  }),
}))
const { default: PracticeSteps } = await import('@/components/training/PracticeSteps.vue')

const question = (id: number) =>
  ({ id, type: 'true_false', stem_html: `<p>判断题 ${id}</p>`, options: [], blanks: 0 }) as unknown as PublicQuestion

const right = { is_correct: true } as never

describe('one question at a time', () => {
  it('resumes at the first question without feedback, else at the last one', () => {
    expect(firstOpen([{ feedback: right }, {}, {}])).toBe(1)
    expect(firstOpen([{ feedback: right }, { feedback: right }])).toBe(1)
    expect(firstOpen([])).toBe(0)
  })

  it('counts answered and correct questions', () => {
    expect(summarize([{ feedback: right }, { feedback: { is_correct: false } }, {}])).toEqual({ done: 2, correct: 1, total: 3 })
  })

  it('keeps an answered question on screen with its feedback until 下一题', async () => {
    const items = reactive([
      { question: question(1), feedback: null as unknown, label: '错题复习' },
      { question: question(2), feedback: null as unknown, label: '随机抽取' },
    ])
    const root = document.createElement('div')
    createApp({ render: () => h(PracticeSteps, { items: items as never, submit: vi.fn() }) }).mount(root)
    const shown = () => root.querySelector('section.pq')?.textContent
    const label = () => root.querySelector('[data-testid=step-label]')?.textContent
    const next = () => root.querySelector<HTMLElement>('[data-testid=practice-next]')
    expect(root.querySelectorAll('section.pq')).toHaveLength(1)
    expect(label()).toBe('错题复习')
    expect(next()).toBeNull()
    items[0]!.feedback = right
    await nextTick()
    expect(shown()).toBe('1') // still the answered one, with its feedback
    next()!.click()
    await nextTick()
    expect(shown()).toBe('2')
    expect(label()).toBe('随机抽取')
  })
})
