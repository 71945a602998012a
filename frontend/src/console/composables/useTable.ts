// The one composable behind every console list (with components/ListPage.vue):
// filters, page, page size and sort live in the URL; the API paginates and sorts on the
// server (`page`, `page_size`, `ordering`); loading, errors and empty states are handled
// once here.
//
//   const table = useTable({
//     filters: { org_unit: 'number', role: 'string', is_active: 'boolean', search: 'string' },
//     fetch: (params, signal) => orgApi.users(params, signal),
//   })
//   <ListPage :table="table"> … <el-table-column prop="real_name" sortable="custom" /> …
//   (table.rows, table.loading, table.total… are plain values: the handle is reactive)
import { computed, onBeforeUnmount, reactive, ref, shallowRef, watch } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { errorMessage } from '@/api/http'
import {
  emptyFilters,
  type FilterModel,
  type FilterSchema,
  hasFilters,
  orderingFromSort,
  parseQuery,
  sameQuery,
  sortFromOrdering,
  type TableState,
  toParams,
  toQuery,
} from './tableQuery'

export interface Page<Row> {
  count: number
  results: Row[]
}

export interface UseTableOptions<Row, S extends FilterSchema> {
  /** The list's filters and how each is read back from the URL. */
  filters: S
  /** Load one page; `params` holds the filters, page, page_size and ordering. */
  fetch: (params: URLSearchParams, signal: AbortSignal) => Promise<Page<Row>>
  pageSize?: number
}

export function useTable<Row, S extends FilterSchema>(options: UseTableOptions<Row, S>) {
  const route = useRoute()
  const router = useRouter()
  const ownRoute = route.name
  const defaultPageSize = options.pageSize ?? 20

  const state = computed<TableState<S>>(() => parseQuery(route.query, options.filters, defaultPageSize))
  /** The filter form's model; it follows the URL and is applied by search(). */
  const form = reactive(emptyFilters(options.filters)) as FilterModel<S>
  const rows = shallowRef<Row[]>([])
  const total = ref(0)
  const loading = ref(false)
  const error = ref('')
  let controller: AbortController | null = null

  async function load(): Promise<void> {
    controller?.abort()
    const current = new AbortController()
    controller = current
    loading.value = true
    error.value = ''
    try {
      const page = await options.fetch(toParams(state.value), current.signal)
      if (current.signal.aborted) return
      rows.value = page.results
      total.value = page.count
    } catch (caught) {
      if (current.signal.aborted) return
      // A page past the end (rows deleted, a shared link): go to the first page.
      if (state.value.page > 1 && (caught as { status?: number }).status === 404) {
        navigate({ ...state.value, page: 1 }, true)
        return
      }
      rows.value = []
      total.value = 0
      error.value = errorMessage(caught)
    } finally {
      if (controller === current) loading.value = false
    }
  }

  function navigate(next: TableState<S>, replace = false): void {
    const query = toQuery(next, defaultPageSize)
    if (sameQuery(query, route.query)) {
      void load()
      return
    }
    void (replace ? router.replace({ query }) : router.push({ query }))
  }

  watch(
    () => route.query,
    () => {
      if (route.name !== ownRoute) return // leaving the page: not our query any more
      Object.assign(form, state.value.filters)
      void load()
    },
    { immediate: true },
  )
  onBeforeUnmount(() => controller?.abort())

  // One reactive object: templates and components read `table.rows`, `table.loading`…
  return reactive({
    rows,
    total,
    loading,
    error,
    form,
    state,
    page: computed(() => state.value.page),
    pageSize: computed(() => state.value.pageSize),
    ordering: computed(() => state.value.ordering),
    /** The filters in effect (the URL's), for empty states and exports. */
    filtered: computed(() => hasFilters(state.value.filters)),
    defaultSort: computed(() => sortFromOrdering(state.value.ordering)),
    /** Apply the filter form (back to page 1). */
    search: () => navigate({ ...state.value, filters: { ...form }, page: 1 }),
    /** Clear every filter, keep the sort and page size. */
    reset: () => navigate({ ...state.value, filters: emptyFilters(options.filters), page: 1 }),
    reload: load,
    setPage: (page: number) => navigate({ ...state.value, page }),
    setPageSize: (pageSize: number) => navigate({ ...state.value, pageSize, page: 1 }),
    /** For el-table's @sort-change (columns with sortable="custom" and prop = API field). */
    sortChange: ({ prop, order }: { prop?: string | null; order?: string | null }) =>
      navigate({ ...state.value, ordering: orderingFromSort(prop, order), page: 1 }),
    /** The filters and sort for an export of the whole filtered list (no page). */
    exportParams: () => toParams(state.value, false),
  })
}

export type TableHandle = ReturnType<typeof useTable<unknown, FilterSchema>>
