import { describe, expect, it } from 'vitest'
import { isRecent, noticeExcerpt } from '@/notices/excerpt'

describe('notice excerpt', () => {
  it('turns paragraphs and lists into one line of plain text', () => {
    const html = '<p>各乡镇：</p>\n<ol>\n<li>完成<strong>每日一练</strong>；</li>\n<li>按时参加考试。</li>\n</ol>'
    expect(noticeExcerpt(html)).toBe('各乡镇： 完成每日一练； 按时参加考试。')
  })

  it('decodes the entities the sanitizer writes and cuts long text by characters', () => {
    expect(noticeExcerpt('<p>A &amp; B &lt;通知&gt;</p>')).toBe('A & B <通知>')
    expect(noticeExcerpt('<p>一二三四五六七八九十</p>', 4)).toBe('一二三四…')
    expect(noticeExcerpt('<p>一二三四</p>', 4)).toBe('一二三四')
  })

  it('marks only notices of the last three days as recent', () => {
    const now = new Date('2026-06-10T08:00:00Z')
    expect(isRecent('2026-06-09T08:00:00Z', now)).toBe(true)
    expect(isRecent('2026-06-06T08:00:00Z', now)).toBe(false)
    expect(isRecent('2026-06-11T08:00:00Z', now)).toBe(false)
    expect(isRecent('不是日期', now)).toBe(false)
  })
})
