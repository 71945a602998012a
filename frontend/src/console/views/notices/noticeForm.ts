// The notice form's model and its two translations: from a saved notice, and into the API's
// body (a new notice, or an edit). Publishing "now" leaves the time to the server; no expiry
// is sent as null. Kept free of Vue so it is tested alone.
import type { OrgUnit } from '../../api/org'
import type { Notice, NoticeInput, NoticeUpdate } from '../../api/notices'

export type NoticeRole = 'cadre' | 'reviewer'

export interface NoticeForm {
  title: string
  body: string
  org_unit: number | undefined
  audience_units: number[]
  include_subunits: boolean
  audience_roles: NoticeRole[]
  audience_users: number[]
  publish: 'now' | 'at'
  published_at: string
  expiry: 'none' | 'at'
  expires_at: string
}

export const NOTICE_FIELDS = [
  'title',
  'body',
  'org_unit',
  'audience_units',
  'include_subunits',
  'audience_roles',
  'audience_users',
  'published_at',
  'expires_at',
] as const

export function emptyNoticeForm(orgUnit?: number): NoticeForm {
  return {
    title: '',
    body: '',
    org_unit: orgUnit,
    audience_units: [],
    include_subunits: true,
    audience_roles: [],
    audience_users: [],
    publish: 'now',
    published_at: '',
    expiry: 'none',
    expires_at: '',
  }
}

export function formFromNotice(notice: Notice): NoticeForm {
  return {
    title: notice.title,
    body: notice.body,
    org_unit: notice.org_unit,
    audience_units: notice.audience.map((u) => u.id),
    include_subunits: notice.include_subunits,
    audience_roles: [...((notice.audience_roles as NoticeRole[] | null) ?? [])],
    audience_users: notice.audience_users.map((u) => u.id),
    publish: 'at',
    published_at: notice.published_at,
    expiry: notice.expires_at ? 'at' : 'none',
    expires_at: notice.expires_at ?? '',
  }
}

/** What the form can tell before asking the server (the server checks everything again). */
export function formErrors(form: NoticeForm): Partial<Record<(typeof NOTICE_FIELDS)[number], string>> {
  const errors: Partial<Record<(typeof NOTICE_FIELDS)[number], string>> = {}
  if (!form.title.trim()) errors.title = '请填写通知标题'
  if (!form.body.trim()) errors.body = '请填写通知正文'
  if (form.publish === 'at' && !form.published_at) errors.published_at = '请选择发布时间'
  if (form.expiry === 'at' && !form.expires_at) errors.expires_at = '请选择截止时间'
  return errors
}

function audience(form: NoticeForm) {
  return {
    audience_units: [...form.audience_units],
    include_subunits: form.include_subunits,
    audience_roles: [...form.audience_roles],
    audience_users: [...form.audience_users],
  }
}

/** A new notice: "now" leaves the publish time to the server. */
export function createBody(form: NoticeForm): NoticeInput {
  return {
    title: form.title.trim(),
    body: form.body,
    ...(form.org_unit ? { org_unit: form.org_unit } : {}),
    ...audience(form),
    ...(form.publish === 'at' ? { published_at: form.published_at } : {}),
    expires_at: form.expiry === 'at' ? form.expires_at : null,
  }
}

/** An edit (the publishing unit stays): "now" is the moment of saving. */
export function updateBody(form: NoticeForm, now: Date = new Date()): NoticeUpdate {
  return {
    title: form.title.trim(),
    body: form.body,
    ...audience(form),
    published_at: form.publish === 'at' ? form.published_at : now.toISOString(),
    expires_at: form.expiry === 'at' ? form.expires_at : null,
  }
}

/** Units a notice of `rootId` may not address: every unit outside its subtree. */
export function unitsOutside(units: Pick<OrgUnit, 'id' | 'parent'>[], rootId: number | undefined): Set<number> {
  const outside = new Set<number>()
  if (rootId === undefined) return outside
  const parentOf = new Map(units.map((u) => [u.id, u.parent]))
  for (const unit of units) {
    let at: number | null | undefined = unit.id
    const seen = new Set<number>()
    while (at != null && at !== rootId && !seen.has(at)) {
      seen.add(at)
      at = parentOf.get(at)
    }
    if (at !== rootId) outside.add(unit.id)
  }
  return outside
}
