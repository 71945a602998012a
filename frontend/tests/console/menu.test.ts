// The menu declaration is the router: every area has its routes, each with its permission
// and breadcrumb; who may go where is decided in one function.
import { describe, expect, it } from 'vitest'
import type { Me } from '@/api/types'
import { MENU, QUEUES } from '@/console/menu'
import { decide, routesFromMenu, safeRedirect } from '@/console/router'

const routes = routesFromMenu(MENU)
const byName = new Map(routes.map((route) => [route.name, route]))

function me(roles: string[], extra: Partial<Me> = {}): Me {
  return {
    id: 1,
    username: 'u',
    real_name: '某人',
    mobile: null,
    position: '',
    org_unit: null,
    roles,
    admin_units: [],
    must_change_password: false,
    ...extra,
  }
}

describe('menu → routes', () => {
  it('has the eleven areas in order, each reachable', () => {
    expect(MENU.map((area) => area.title)).toEqual([
      '工作台',
      '组织与人员',
      '学习材料',
      '出题与审核',
      '题库',
      '试卷',
      '考试',
      '案例征集',
      '考核档案',
      '通知公告',
      '操作日志',
    ])
    for (const area of MENU) for (const page of area.pages) expect(byName.has(page.name)).toBe(true)
  })

  it('carries permission, breadcrumb and the 即将上线 description into each route', () => {
    expect(byName.get('org-users')!.meta).toMatchObject({
      permission: 'org_admin',
      crumbs: [{ title: '组织与人员' }, { title: '人员管理' }],
      menu: 'org-users',
    })
    // Whichever areas are still 即将上线 carry their description (none once all are built).
    for (const area of MENU.filter((a) => a.soon)) {
      expect(byName.get(area.key)!.meta!.soon?.features.length).toBeGreaterThan(0)
    }
    expect(byName.get('dashboard')!.meta!.soon).toBeUndefined()
  })

  it('a hidden page highlights its parent and shows it in the breadcrumb', () => {
    const [route] = routesFromMenu([
      {
        key: 'exams',
        title: '考试',
        icon: {},
        permission: 'org_admin',
        pages: [
          { path: 'exams/:id', name: 'exam', title: '考试详情', component: async () => ({}), hidden: true, parent: 'exams' },
          { path: 'exams', name: 'exams', title: '考试列表', component: async () => ({}) },
        ],
      },
    ])
    expect(route!.meta).toMatchObject({ menu: 'exams', crumbs: [{ title: '考试列表', name: 'exams' }, { title: '考试详情' }] })
  })

  it('every dashboard count leads to a declared route', () => {
    for (const target of Object.values(QUEUES)) expect(byName.has((target as { name: string }).name)).toBe(true)
  })
})

describe('who may go where', () => {
  const page = { name: 'org-users', fullPath: '/org/users?page=2', meta: { permission: 'org_admin' as const } }

  it('sends a visitor to the console login, keeping where they were going', () => {
    expect(decide(page, null)).toEqual({ name: 'login', query: { redirect: '/org/users?page=2' } })
  })

  it('sends a cadre or reviewer to the page saying the console is for the organization department', () => {
    expect(decide(page, me(['cadre']))).toEqual({ name: 'org-only' })
    expect(decide(page, me(['reviewer']))).toEqual({ name: 'org-only' })
    expect(decide({ name: 'org-only', fullPath: '/org-only', meta: {} }, me(['cadre']))).toBe(true)
  })

  it('holds anyone with an initial password on the password page', () => {
    expect(decide(page, me(['org_admin'], { must_change_password: true }))).toEqual({ name: 'password' })
  })

  it('lets an org admin in, but not to superuser pages', () => {
    expect(decide(page, me(['org_admin']))).toBe(true)
    const rootOnly = { name: 'x', fullPath: '/x', meta: { permission: 'superuser' as const } }
    expect(decide(rootOnly, me(['org_admin']))).toEqual({ name: 'dashboard' })
    expect(decide(rootOnly, me(['org_admin', 'superuser']))).toBe(true)
  })

  it('only follows redirects inside the console', () => {
    expect(safeRedirect('/org/users')).toBe('/org/users')
    expect(safeRedirect('//evil.example')).toBeNull()
    expect(safeRedirect('https://evil.example')).toBeNull()
  })
})
