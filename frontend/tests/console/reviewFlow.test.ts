// The review workspace's keyboard flow: shortcuts act, except while typing or in a dialog.
import { describe, expect, it } from 'vitest'
import {
  highlight,
  isTyping,
  keyAction,
  nextPending,
  progress,
  shortStem,
  shortcutHint,
  step,
} from '../../src/console/views/generation/reviewFlow'

function element(html: string, selector: string): HTMLElement {
  document.body.innerHTML = html
  return document.querySelector(selector) as HTMLElement
}

describe('keyAction', () => {
  const body = () => element('<div id="x"></div>', '#x')

  it('maps the four shortcuts', () => {
    expect(keyAction({ key: 'a', target: body() })).toBe('approve')
    expect(keyAction({ key: 'A', target: body() })).toBe('approve')
    expect(keyAction({ key: 'r', target: body() })).toBe('reject')
    expect(keyAction({ key: 'j', target: body() })).toBe('next')
    expect(keyAction({ key: 'ArrowRight', target: body() })).toBe('next')
    expect(keyAction({ key: 'k', target: body() })).toBe('prev')
    expect(keyAction({ key: 'ArrowLeft', target: body() })).toBe('prev')
    expect(keyAction({ key: 'x', target: body() })).toBeNull()
  })

  it('never fires while typing in a field', () => {
    for (const [html, selector] of [
      ['<input id="i">', '#i'],
      ['<textarea id="t"></textarea>', '#t'],
      ['<div contenteditable="true"><span id="s">x</span></div>', '#s'],
      ['<div class="el-select"><span id="o">选项</span></div>', '#o'],
    ] as const) {
      const target = element(html, selector)
      expect(isTyping(target)).toBe(true)
      expect(keyAction({ key: 'a', target })).toBeNull()
      expect(keyAction({ key: 'ArrowLeft', target })).toBeNull()
    }
  })

  it('never fires with modifiers, during IME composition or with a dialog open', () => {
    expect(keyAction({ key: 'a', ctrlKey: true, target: body() })).toBeNull()
    expect(keyAction({ key: 'r', metaKey: true, target: body() })).toBeNull()
    expect(keyAction({ key: 'j', altKey: true, target: body() })).toBeNull()
    expect(keyAction({ key: 'a', isComposing: true, target: body() })).toBeNull()
    expect(keyAction({ key: 'a', target: body() }, true)).toBeNull()
  })

  it('shows the keys as people read them', () => {
    expect(shortcutHint('approve')).toBe('A')
    expect(shortcutHint('next')).toBe('J / →')
  })
})

describe('cursor and progress', () => {
  const items = [
    { id: 1, status: 'published' },
    { id: 2, status: 'pending' },
    { id: 3, status: 'draft' },
    { id: 4, status: 'pending' },
  ]

  it('counts every decided draft as reviewed', () => {
    expect(progress(items)).toEqual({ reviewed: 2, total: 4 })
  })

  it('steps within the list', () => {
    expect(step(items, 0, -1)).toBe(0)
    expect(step(items, 3, 1)).toBe(3)
    expect(step(items, 1, 1)).toBe(2)
  })

  it('moves to the next waiting draft, wrapping to the top', () => {
    expect(nextPending(items, 1)).toBe(3)
    expect(nextPending(items, 3)).toBe(1)
    expect(nextPending([{ id: 1, status: 'published' }], 0)).toBe(0)
  })
})

describe('highlight', () => {
  const passage = { text: '第五条 名单应当张贴不少于7天。', start: 100 }

  it('uses the offsets when they fit the quote', () => {
    expect(highlight(passage, '不少于7天', 110, 115)).toEqual({ before: '第五条 名单应当张贴', quote: '不少于7天', after: '。' })
  })

  it('searches the quote when the offsets are stale', () => {
    expect(highlight(passage, '不少于7天', 3, 8).quote).toBe('不少于7天')
  })

  it('shows the plain passage when the quote is not there', () => {
    expect(highlight(passage, '不存在', null, null)).toEqual({ before: passage.text, quote: '', after: '' })
  })
})

describe('shortStem', () => {
  it('drops the generator\'s "根据《…》，" opening', () => {
    expect(shortStem('根据《青禾县村级事务公开办法》，村民会议每年至少召开一次。')).toBe('村民会议每年至少召开一次。')
    expect(shortStem('村民会议每年至少召开一次。')).toBe('村民会议每年至少召开一次。')
  })
})
