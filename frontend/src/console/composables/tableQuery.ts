// The URL side of useTable, as pure functions: a list's filters, page, page size and sort
// live in the address bar (so a link can be shared and Back works), and the same state
// becomes the API's query parameters.
import type { LocationQuery, LocationQueryRaw } from 'vue-router'

/** How a filter's value is read back from the URL. */
export type FilterKind = 'string' | 'number' | 'boolean'
export type FilterSchema = Record<string, FilterKind>
type ValueOf<K extends FilterKind> = K extends 'number' ? number : K extends 'boolean' ? boolean : string
/** The filter form's model: every filter, undefined when not set. */
export type FilterModel<S extends FilterSchema> = { -readonly [P in keyof S]: ValueOf<S[P]> | undefined }

export interface TableState<S extends FilterSchema> {
  filters: FilterModel<S>
  page: number
  pageSize: number
  /** The API's `ordering`: "field" or "-field"; '' for the list's default order. */
  ordering: string
}

export const PAGE_SIZES = [20, 50, 100, 200]

function first(value: LocationQuery[string]): string | undefined {
  const item = Array.isArray(value) ? value[0] : value
  return item === null || item === undefined || item === '' ? undefined : item
}

function parseValue(kind: FilterKind, text: string | undefined): string | number | boolean | undefined {
  if (text === undefined) return undefined
  if (kind === 'number') {
    const number = Number(text)
    return Number.isFinite(number) ? number : undefined
  }
  if (kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined
  return text
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

export function emptyFilters<S extends FilterSchema>(schema: S): FilterModel<S> {
  return Object.fromEntries(Object.keys(schema).map((key) => [key, undefined])) as FilterModel<S>
}

/** Read a list's state from the URL; anything malformed falls back to the default. */
export function parseQuery<S extends FilterSchema>(
  query: LocationQuery,
  schema: S,
  defaultPageSize: number,
): TableState<S> {
  const filters = emptyFilters(schema) as Record<string, unknown>
  for (const [key, kind] of Object.entries(schema)) filters[key] = parseValue(kind, first(query[key]))
  const page = Math.floor(Number(first(query.page) ?? 1))
  const pageSize = Number(first(query.page_size) ?? defaultPageSize)
  return {
    filters: filters as FilterModel<S>,
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : defaultPageSize,
    ordering: first(query.ordering) ?? '',
  }
}

/** The URL query for a state: only what differs from the defaults, so links stay short. */
export function toQuery<S extends FilterSchema>(state: TableState<S>, defaultPageSize: number): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  for (const [key, value] of Object.entries(state.filters)) {
    if (!isEmpty(value)) query[key] = typeof value === 'string' ? value.trim() : String(value)
  }
  if (state.page > 1) query.page = String(state.page)
  if (state.pageSize !== defaultPageSize) query.page_size = String(state.pageSize)
  if (state.ordering) query.ordering = state.ordering
  return query
}

/** The API's query parameters for a state (filters, page, page_size, ordering). */
export function toParams<S extends FilterSchema>(state: TableState<S>, paged = true): URLSearchParams {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(state.filters)) {
    if (!isEmpty(value)) params.set(key, typeof value === 'string' ? value.trim() : String(value))
  }
  if (state.ordering) params.set('ordering', state.ordering)
  if (paged) {
    params.set('page', String(state.page))
    params.set('page_size', String(state.pageSize))
  }
  return params
}

/** Element Plus's sort-change event → the API's ordering ('' when the sort is cleared). */
export function orderingFromSort(prop: string | null | undefined, order: string | null | undefined): string {
  if (!prop || !order) return ''
  return order === 'descending' ? `-${prop}` : prop
}

/** The API's ordering → Element Plus's default-sort for the table's header arrows. */
export function sortFromOrdering(ordering: string): { prop: string; order: 'ascending' | 'descending' } | undefined {
  if (!ordering) return undefined
  return ordering.startsWith('-')
    ? { prop: ordering.slice(1), order: 'descending' }
    : { prop: ordering, order: 'ascending' }
}

export function hasFilters<S extends FilterSchema>(filters: FilterModel<S>): boolean {
  return Object.values(filters).some((value) => !isEmpty(value))
}

export function sameQuery(a: LocationQueryRaw, b: LocationQuery): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  for (const key of keys) if (String(a[key] ?? '') !== String(first(b[key]) ?? '')) return false
  return true
}
