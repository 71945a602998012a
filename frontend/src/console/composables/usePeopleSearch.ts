// A remote select of named people (an exam's or a notice's): its options are the people
// already chosen, kept as they were, plus the matches of the latest search.
import { ref, shallowRef } from 'vue'
import { ElMessage } from 'element-plus'
import { errorMessage } from '@/api/http'
import { type User, orgApi } from '../api/org'

export interface PersonOption {
  id: number
  label: string
}

export function personOption(user: Pick<User, 'id' | 'real_name' | 'username' | 'org_unit_name'>): PersonOption {
  const unit = user.org_unit_name ? `，${user.org_unit_name}` : ''
  return { id: user.id, label: `${user.real_name || user.username}（${user.username}${unit}）` }
}

/** `chosen`: the ids selected now; `filters`: more query parameters (e.g. the unit to search in). */
export function usePeopleSearch(chosen: () => number[], filters: () => Record<string, string> = () => ({})) {
  const options = shallowRef<PersonOption[]>([])
  const loading = ref(false)

  async function search(query: string) {
    if (!query) return
    loading.value = true
    try {
      const ids = chosen()
      const params = new URLSearchParams({ search: query, page_size: '20', is_active: 'true', ...filters() })
      const found = (await orgApi.users(params)).results.filter((u) => !ids.includes(u.id))
      options.value = [...options.value.filter((o) => ids.includes(o.id)), ...found.map(personOption)]
    } catch (caught) {
      ElMessage.error(errorMessage(caught))
    } finally {
      loading.value = false
    }
  }

  /** Options for people chosen before the page opened (an exam being edited). */
  async function show(ids: number[]) {
    options.value = (await Promise.all(ids.map((id) => orgApi.user(id)))).map(personOption)
  }

  return { options, loading, search, show }
}
