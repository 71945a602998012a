// The units this admin sees (in the current scope), fetched once and shared by the pickers
// and the unit page; refresh() after an edit.
import { computed, ref, shallowRef } from 'vue'
import { errorMessage } from '@/api/http'
import { type OrgUnit, orgApi } from '../../api/org'
import { useScope } from '../../scope'
import { buildTree } from './unitTree'

const units = shallowRef<OrgUnit[]>([])
const loading = ref(false)
const error = ref('')
let loadedFor: number | null = null
let pending: Promise<void> | null = null

async function refresh(): Promise<void> {
  loading.value = true
  error.value = ''
  try {
    units.value = await orgApi.units()
    loadedFor = useScope().version.value
  } catch (caught) {
    error.value = errorMessage(caught)
  } finally {
    loading.value = false
  }
}

export function useUnits() {
  const scope = useScope()
  if (loadedFor !== scope.version.value && !pending) {
    pending = refresh().finally(() => {
      pending = null
    })
  }
  return {
    units,
    loading,
    error,
    tree: computed(() => buildTree(units.value)),
    byId: computed(() => new Map(units.value.map((u) => [u.id, u]))),
    refresh,
  }
}
