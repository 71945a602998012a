import { describe, expect, it } from 'vitest'
import { fitWithin } from '@/cases/compressImage'
import { imageMarkdown, insertBlock, prefixLines, visibleLength, wrap } from '@/cases/markdown'

describe('markdown editor helpers', () => {
  it('wraps the selection and keeps it selected', () => {
    const r = wrap('群众满意', 0, 2, '**', '加粗文字')
    expect(r.text).toBe('**群众**满意')
    expect(r.text.slice(r.start, r.end)).toBe('群众')
  })

  it('inserts a selected placeholder when nothing is selected', () => {
    const r = wrap('abc', 3, 3, '**', '加粗文字')
    expect(r.text).toBe('abc**加粗文字**')
    expect(r.text.slice(r.start, r.end)).toBe('加粗文字')
  })

  it('prefixes every touched line and toggles it off again', () => {
    const text = '第一条\n第二条\n其他'
    const on = prefixLines(text, 1, 6, '- ')
    expect(on.text).toBe('- 第一条\n- 第二条\n其他')
    const off = prefixLines(on.text, on.start, on.end, '- ')
    expect(off.text).toBe(text)
  })

  it('numbers list lines in order and replaces another prefix', () => {
    const r = prefixLines('- 甲\n- 乙\n- 丙', 0, 11, '1. ')
    expect(r.text).toBe('1. 甲\n2. 乙\n3. 丙')
  })

  it('turns the current line into a heading', () => {
    const r = prefixLines('前言\n事情起因\n正文', 5, 5, '## ')
    expect(r.text).toBe('前言\n## 事情起因\n正文')
    // the cursor lands at the end of the heading, ready to keep typing
    expect(r.text.slice(0, r.start)).toBe('前言\n## 事情起因')
    expect(r.end).toBe(r.start)
  })

  it('puts an image on its own paragraph and moves the cursor after it', () => {
    const img = imageMarkdown('/media/cases/1.jpg')
    const r = insertBlock('上文下文', 2, img)
    expect(r.text).toBe(`上文\n\n${img}\n\n下文`)
    expect(r.text.slice(r.start)).toBe('下文')
    expect(insertBlock('', 0, img).text).toBe(`${img}\n`)
  })

  it('strips brackets from alt text so the markdown stays valid', () => {
    expect(imageMarkdown('/a.jpg', '照片[1]')).toBe('![照片1](/a.jpg)')
  })

  it('counts what a reader sees', () => {
    expect(visibleLength('## 标题\n\n**加粗** 文字\n- 一\n![图](/x.jpg)')).toBe(7)
  })
})

describe('image sizing', () => {
  it('shrinks the longest side to the limit keeping the aspect ratio', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 })
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 })
  })

  it('never enlarges a small image', () => {
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 })
  })
})
