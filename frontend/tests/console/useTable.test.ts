// useTable keeps a list's filters, page, size and sort in the URL, so a link can be shared
// and Back works, and turns that state into the API's query parameters.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, h, nextTick } from 'vue'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { parseQuery, toParams, toQuery } from '@/console/composables/tableQuery'
import { type Page, useTable } from '@/console/composables/useTable'

const SCHEMA = { org_unit: 'number', role: 'string', is_active: 'boolean', search: 'string' } as const

describe('tableQuery', () => {
  it('reads typed filters, page, size and sort from the URL', () => {
    const state = parseQuery(
      { org_unit: '12', is_active: 'false', search: '王', page: '3', page_size: '50', ordering: '-real_name' },
      SCHEMA,
      20,
    )
    expect(state.filters).toEqual({ org_unit: 12, role: undefined, is_active: false, search: '王' })
    expect([state.page, state.pageSize, state.ordering]).toEqual([3, 50, '-real_name'])
  })

  it('falls back to defaults for malformed values', () => {
    const state = parseQuery({ org_unit: 'abc', is_active: 'maybe', page: '-2', page_size: '7' }, SCHEMA, 20)
    expect(state.filters.org_unit).toBeUndefined()
    expect(state.filters.is_active).toBeUndefined()
    expect([state.page, state.pageSize]).toEqual([1, 20])
  })

  it('writes only what differs from the defaults, and a false filter survives', () => {
    const state = parseQuery({}, SCHEMA, 20)
    state.filters.is_active = false
    state.filters.search = '  '
    expect(toQuery(state, 20)).toEqual({ is_active: 'false' })
    expect(toQuery({ ...state, page: 2, pageSize: 50, ordering: 'username' }, 20)).toEqual({
      is_active: 'false',
      page: '2',
      page_size: '50',
      ordering: 'username',
    })
  })

  it('gives the API its parameters, with or without paging', () => {
    const state = parseQuery({ role: 'reviewer', ordering: '-last_login', page: '2' }, SCHEMA, 20)
    expect(toParams(state).toString()).toBe('role=reviewer&ordering=-last_login&page=2&page_size=20')
    expect(toParams(state, false).toString()).toBe('role=reviewer&ordering=-last_login')
  })
})

type Row = { id: number }

const page = async (_params: URLSearchParams, _signal: AbortSignal): Promise<Page<Row>> => ({
  count: 45,
  results: [{ id: 1 }],
})

function setup(fetch = vi.fn(page)) {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/users', name: 'users', component: { render: () => null } },
      { path: '/other', name: 'other', component: { render: () => null } },
    ],
  })
  let table!: ReturnType<typeof useTable<Row, typeof SCHEMA>>
  const Host = defineComponent({
    setup() {
      table = useTable({ filters: SCHEMA, fetch })
      return () => h('div')
    },
  })
  return { router, fetch, mount: () => mountWith(router, Host), get table() { return table } }
}

let cleanup: (() => void) | null = null
afterEach(() => cleanup?.())

async function mountWith(router: Router, Host: ReturnType<typeof defineComponent>) {
  const app = createApp(Host)
  app.use(router)
  app.mount(document.createElement('div'))
  cleanup = () => app.unmount()
  await flush()
}

/** Let router navigations, watchers and the fake fetch settle. */
async function flush() {
  for (let i = 0; i < 3; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0))
    await nextTick()
  }
}

describe('useTable', () => {
  it('loads the page the shared link names, with its filters in the form', async () => {
    const t = setup()
    await t.router.push('/users?org_unit=7&search=%E5%BC%A0&page=2&ordering=-real_name')
    await t.mount()
    const params = t.fetch.mock.calls.at(-1)![0] as URLSearchParams
    expect(params.toString()).toBe('org_unit=7&search=%E5%BC%A0&ordering=-real_name&page=2&page_size=20')
    expect(t.table.form.org_unit).toBe(7)
    expect(t.table.form.search).toBe('张')
    expect([t.table.total, t.table.page, t.table.defaultSort]).toEqual([
      45,
      2,
      { prop: 'real_name', order: 'descending' },
    ])
  })

  it('search puts the form in the URL and goes back to page 1', async () => {
    const t = setup()
    await t.router.push('/users?page=3')
    await t.mount()
    t.table.form.role = 'reviewer'
    t.table.form.is_active = false
    t.table.search()
    await flush()
    expect(t.router.currentRoute.value.query).toEqual({ role: 'reviewer', is_active: 'false' })
    expect((t.fetch.mock.calls.at(-1)![0] as URLSearchParams).get('page')).toBe('1')
  })

  it('sorting and paging change the URL; Back restores the list and its form', async () => {
    const t = setup()
    await t.router.push('/users?search=a')
    await t.mount()
    t.table.sortChange({ prop: 'last_login', order: 'descending' })
    await flush()
    expect(t.router.currentRoute.value.query).toEqual({ search: 'a', ordering: '-last_login' })
    t.table.setPage(2)
    await flush()
    expect(t.router.currentRoute.value.query.page).toBe('2')
    t.table.form.search = 'typed but not applied'
    t.router.back()
    await flush()
    expect(t.router.currentRoute.value.query).toEqual({ search: 'a', ordering: '-last_login' })
    expect(t.table.form.search).toBe('a')
    expect((t.fetch.mock.calls.at(-1)![0] as URLSearchParams).get('page')).toBe('1')
  })

  it('reset clears the filters but keeps the sort', async () => {
    const t = setup()
    await t.router.push('/users?role=cadre&ordering=username&page=4')
    await t.mount()
    t.table.reset()
    await flush()
    expect(t.router.currentRoute.value.query).toEqual({ ordering: 'username' })
    expect(t.table.filtered).toBe(false)
  })

  it('shows the error and no rows when loading fails', async () => {
    const failing = vi.fn(async (_params: URLSearchParams, _signal: AbortSignal): Promise<Page<Row>> => {
      throw new Error('boom')
    })
    const t = setup(failing)
    await t.router.push('/users')
    await t.mount()
    expect(t.table.rows).toEqual([])
    expect(t.table.error).toBe('操作失败，请稍后再试')
    expect(t.table.loading).toBe(false)
  })

  it('does not load again for another page’s query once navigated away', async () => {
    const t = setup()
    await t.router.push('/users')
    await t.mount()
    const calls = t.fetch.mock.calls.length
    await t.router.push('/other?page=9')
    await flush()
    expect(t.fetch.mock.calls.length).toBe(calls)
  })
})
