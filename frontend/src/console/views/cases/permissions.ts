// Which organizer actions the console offers on a call and its cases: the API says what the
// viewer may do (`permissions`, the same check its writes make); the case's state says
// what makes sense now. A township admin looking at a county call gets none, with the hint.
import type { CaseCall } from '../../api/cases'

export type CallPermissions = CaseCall['permissions']

export const NO_PERMISSIONS: CallPermissions = {
  can_edit: false,
  can_assign: false,
  can_reassign: false,
  can_add_reviewer: false,
  can_arbitrate: false,
  can_adjust_score: false,
  can_publish: false,
  can_see_reviewers: false,
  hint: '',
}

export interface CaseState {
  status: string
  published: boolean
  hasArbitrator: boolean
}

export interface CaseActions {
  publish: boolean
  unpublish: boolean
  arbitrate: boolean
  addArbitrator: boolean
  addReviewer: boolean
  reassign: boolean
}

export function caseActions(state: CaseState, permissions: CallPermissions | undefined): CaseActions {
  const may = permissions ?? NO_PERMISSIONS
  const finished = state.status === 'finished'
  const arbitration = state.status === 'arbitration'
  return {
    publish: finished && !state.published && may.can_publish,
    unpublish: finished && state.published && may.can_publish,
    arbitrate: arbitration && may.can_arbitrate,
    addArbitrator: arbitration && !state.hasArbitrator && may.can_add_reviewer,
    addReviewer: (state.status === 'submitted' || state.status === 'under_review') && may.can_add_reviewer,
    reassign: may.can_reassign,
  }
}

/** The hint shown instead of the actions, or '' when the viewer organizes the call. */
export function readOnlyHint(permissions: CallPermissions | undefined): string {
  return permissions?.hint ?? ''
}

/**
 * Blind review: only the call's organizer sees who reviews (names and units); anyone else gets
 * the reviewers as 评审员1, 评审员2… per case, and no decline reasons.
 */
export function seesReviewers(permissions: CallPermissions | undefined): boolean {
  return permissions?.can_see_reviewers ?? false
}

/**
 * Whether the case's reviewer table needs its last column: a task the viewer may reassign, or
 * a decline reason to show. A township admin on a county call has neither (no empty column).
 */
export function assignmentExtrasColumn(actions: CaseActions, rows: { decline_reason: string }[]): boolean {
  return actions.reassign || rows.some((row) => Boolean(row.decline_reason))
}
