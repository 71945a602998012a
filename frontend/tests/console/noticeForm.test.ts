// 通知公告's form: a saved notice read back, the API bodies for a new notice and an edit, and
// the units a notice may not address.
import { describe, expect, it } from 'vitest'
import type { Notice } from '@/console/api/notices'
import {
  createBody,
  emptyNoticeForm,
  formErrors,
  formFromNotice,
  unitsOutside,
  updateBody,
} from '@/console/views/notices/noticeForm'

const saved = {
  id: 7,
  title: '停水通知',
  body: '明天停水',
  org_unit: 2,
  audience: [{ id: 3, name: '一村' }],
  include_subunits: false,
  audience_roles: ['cadre'],
  audience_users: [{ id: 9, name: '张三', username: 'zs' }],
  published_at: '2026-06-01T01:00:00Z',
  expires_at: null,
} as unknown as Notice

describe('notice form', () => {
  it('a new notice publishes now unless scheduled, and never expires unless told', () => {
    const form = { ...emptyNoticeForm(2), title: ' 通知 ', body: '正文' }
    expect(createBody(form)).toEqual({
      title: '通知',
      body: '正文',
      org_unit: 2,
      audience_units: [],
      include_subunits: true,
      audience_roles: [],
      audience_users: [],
      expires_at: null,
    })
    const scheduled = { ...form, publish: 'at' as const, published_at: '2026-06-02T08:00:00+08:00' }
    expect(createBody(scheduled).published_at).toBe('2026-06-02T08:00:00+08:00')
    // An admin of one unit leaves the publishing unit to the server.
    expect('org_unit' in createBody({ ...form, org_unit: undefined })).toBe(false)
  })

  it('reads a saved notice back and sends its edit with the times it shows', () => {
    const form = formFromNotice(saved)
    expect(form).toMatchObject({
      audience_units: [3],
      include_subunits: false,
      audience_roles: ['cadre'],
      audience_users: [9],
      publish: 'at',
      expiry: 'none',
    })
    expect(updateBody(form)).toMatchObject({ published_at: '2026-06-01T01:00:00Z', expires_at: null })
    const now = new Date('2026-06-03T00:00:00Z')
    const republished = updateBody({ ...form, publish: 'now', expiry: 'at', expires_at: '2026-06-09T00:00:00Z' }, now)
    expect(republished).toMatchObject({ published_at: now.toISOString(), expires_at: '2026-06-09T00:00:00Z' })
    expect('org_unit' in republished).toBe(false)
  })

  it('names the fields to fill before asking the server', () => {
    const errors = formErrors({ ...emptyNoticeForm(), publish: 'at', expiry: 'at' })
    expect(Object.keys(errors).sort()).toEqual(['body', 'expires_at', 'published_at', 'title'])
    expect(formErrors({ ...emptyNoticeForm(), title: '标题', body: '正文' })).toEqual({})
  })

  it('greys out every unit outside the publishing unit', () => {
    const units = [
      { id: 1, parent: null },
      { id: 2, parent: 1 },
      { id: 3, parent: 2 },
      { id: 4, parent: 1 },
      { id: 5, parent: 4 },
    ]
    expect([...unitsOutside(units, 2)].sort()).toEqual([1, 4, 5])
    expect(unitsOutside(units, 1).size).toBe(0)
    expect(unitsOutside(units, undefined).size).toBe(0)
  })
})
