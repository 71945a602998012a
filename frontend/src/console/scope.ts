// The scope switcher. An admin appointed to several subtrees chooses one of them (or all);
// the choice is sent with every API request as `X-Admin-Scope: <unit id>`, which the
// backend (apps/common/scoping.py) validates against the admin's real scope and uses to
// narrow every list, count and write. Nothing else in the console needs to know about it:
// pages remount when the scope changes, so their data is fetched again.
import { computed, ref } from 'vue'
import type { Me, UnitRef } from '@/api/types'
import { isSuperuser } from './permissions'

export const SCOPE_HEADER = 'X-Admin-Scope'
export const SCOPE_INVALID = 'scope_invalid'
const STORAGE_PREFIX = 'yz-console-scope:'

const units = ref<UnitRef[]>([])
const chosenId = ref<number | null>(null)
const superuser = ref(false)
/** Changes whenever the scope does; the layout keys its <router-view> on it. */
const version = ref(0)
let userId: number | null = null

function storageKey(id: number): string {
  return `${STORAGE_PREFIX}${id}`
}

/** Read the admin's saved choice, keeping it only if it is still one of their scopes. */
function initScope(me: Me): void {
  if (userId === me.id) return
  userId = me.id
  superuser.value = isSuperuser(me)
  units.value = me.admin_units
  const saved = Number(localStorage.getItem(storageKey(me.id)) ?? '')
  chosenId.value = !superuser.value && units.value.some((u) => u.id === saved) ? saved : null
}

function chooseScope(id: number | null): void {
  if (id !== null && !units.value.some((u) => u.id === id)) return
  if (id === chosenId.value) return
  chosenId.value = id
  if (userId !== null) {
    if (id === null) localStorage.removeItem(storageKey(userId))
    else localStorage.setItem(storageKey(userId), String(id))
  }
  version.value += 1
}

/** Forget everything (logout, or the server refused the saved scope). */
function resetScope(): void {
  if (userId !== null) localStorage.removeItem(storageKey(userId))
  const had = chosenId.value !== null
  chosenId.value = null
  if (had) version.value += 1
}

function clearScope(): void {
  userId = null
  units.value = []
  chosenId.value = null
  superuser.value = false
}

/** The header for the API client (none when all of the admin's scopes are in view). */
export function scopeHeaders(): Record<string, string> {
  return chosenId.value === null ? {} : { [SCOPE_HEADER]: String(chosenId.value) }
}

export function useScope() {
  return {
    units,
    chosenId,
    version,
    /** Superusers see every unit and have nothing to switch. */
    allUnits: computed(() => superuser.value),
    /** Only an admin with several subtrees gets the switcher. */
    switchable: computed(() => !superuser.value && units.value.length > 1),
    /** What the header shows: the chosen unit, or every scope. */
    label: computed(() => {
      if (superuser.value) return '全部单位'
      const chosen = units.value.find((u) => u.id === chosenId.value)
      if (chosen) return chosen.full_name
      return units.value.map((u) => u.full_name).join('、') || '无'
    }),
    initScope,
    chooseScope,
    resetScope,
    clearScope,
  }
}
