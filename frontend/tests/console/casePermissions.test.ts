import { describe, expect, it } from 'vitest'
import { NO_PERMISSIONS, caseActions, readOnlyHint } from '@/console/views/cases/permissions'

const ORGANIZER = {
  can_edit: true,
  can_assign: true,
  can_reassign: true,
  can_add_reviewer: true,
  can_arbitrate: true,
  can_adjust_score: true,
  can_publish: true,
  hint: '',
}
const TOWNSHIP = { ...NO_PERMISSIONS, hint: '本征集由某县组织：……由组织单位办理' }

describe('case actions offered in the console', () => {
  it('offers the organizer what the case state allows', () => {
    expect(caseActions({ status: 'arbitration', published: false, hasArbitrator: false }, ORGANIZER)).toEqual({
      publish: false,
      unpublish: false,
      arbitrate: true,
      addArbitrator: true,
      addReviewer: false,
      reassign: true,
    })
    const finished = caseActions({ status: 'finished', published: false, hasArbitrator: false }, ORGANIZER)
    expect([finished.publish, finished.unpublish]).toEqual([true, false])
    const published = caseActions({ status: 'finished', published: true, hasArbitrator: false }, ORGANIZER)
    expect([published.publish, published.unpublish]).toEqual([false, true])
    expect(caseActions({ status: 'under_review', published: false, hasArbitrator: false }, ORGANIZER).addReviewer).toBe(true)
    expect(caseActions({ status: 'arbitration', published: false, hasArbitrator: true }, ORGANIZER).addArbitrator).toBe(false)
  })

  it('offers a township admin on a county call nothing, in any state, and says why', () => {
    for (const status of ['submitted', 'under_review', 'arbitration', 'finished', 'revision']) {
      for (const published of [false, true]) {
        const actions = caseActions({ status, published, hasArbitrator: false }, TOWNSHIP)
        expect(Object.values(actions).some(Boolean)).toBe(false)
      }
    }
    expect(readOnlyHint(TOWNSHIP)).toContain('组织单位')
    expect(readOnlyHint(ORGANIZER)).toBe('')
  })

  it('offers nothing when the API sent no permissions (an older server, a cadre)', () => {
    const actions = caseActions({ status: 'arbitration', published: false, hasArbitrator: false }, undefined)
    expect(Object.values(actions).some(Boolean)).toBe(false)
    expect(readOnlyHint(undefined)).toBe('')
  })
})
