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
