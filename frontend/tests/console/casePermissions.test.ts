import { describe, expect, it } from 'vitest'
import { NO_PERMISSIONS, assignmentExtrasColumn, caseActions, readOnlyHint, seesReviewers } from '@/console/views/cases/permissions'

const ORGANIZER = {
  can_edit: true,
  can_assign: true,
  can_reassign: true,
  can_add_reviewer: true,
  can_arbitrate: true,
  can_adjust_score: true,
  can_publish: true,
  can_see_reviewers: true,
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

  it('shows who reviews to the organizer only, and no empty last column to anyone else', () => {
    expect(seesReviewers(ORGANIZER)).toBe(true)
    expect(seesReviewers(TOWNSHIP)).toBe(false)
    expect(seesReviewers(undefined)).toBe(false)
    const rows = [{ decline_reason: '' }, { decline_reason: '' }]
    const township = caseActions({ status: 'under_review', published: false, hasArbitrator: false }, TOWNSHIP)
    expect(assignmentExtrasColumn(township, rows)).toBe(false)
    const organizer = caseActions({ status: 'under_review', published: false, hasArbitrator: false }, ORGANIZER)
    expect(assignmentExtrasColumn(organizer, rows)).toBe(true)
    expect(assignmentExtrasColumn(township, [...rows, { decline_reason: '时间冲突' }])).toBe(true)
  })
})
