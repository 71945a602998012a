// Who may open what in the console. The API checks every request again (role and org-unit
// scope); these checks only decide what the console shows.
import type { Me } from '@/api/types'

/** `org_admin`: any organization-department admin (superusers included); `superuser`: only them. */
export type Permission = 'org_admin' | 'superuser'

export function isOrgAdmin(me: Me | null): boolean {
  return !!me && (me.roles.includes('org_admin') || me.roles.includes('superuser'))
}

export function isSuperuser(me: Me | null): boolean {
  return !!me && me.roles.includes('superuser')
}

export function can(me: Me | null, permission: Permission | undefined): boolean {
  if (permission === 'superuser') return isSuperuser(me)
  return isOrgAdmin(me)
}
