// The console's router, built from the menu declaration (menu.ts), served under /console/.
import { createRouter, createWebHistory, type RouteLocationRaw, type RouteRecordRaw } from 'vue-router'
import type { Me } from '@/api/types'
import { useSession } from '@/stores/session'
import { MENU, type ComingSoon, type MenuArea } from './menu'
import { can, isOrgAdmin, type Permission } from './permissions'
import { useScope } from './scope'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    title?: string
    /** The breadcrumb: area, parent page (for a hidden page), page; a name makes it a link. */
    crumbs?: { title: string; name?: string }[]
    permission?: Permission
    /** The menu item to highlight (a hidden page's parent). */
    menu?: string
    soon?: ComingSoon
  }
}

export const CONSOLE_BASE = '/console/'

/** One route per page of every area, each carrying its breadcrumb, menu item and permission. */
export function routesFromMenu(menu: MenuArea[]): RouteRecordRaw[] {
  return menu.flatMap((area) => {
    const visible = area.pages.filter((page) => !page.hidden)
    return area.pages.map((page) => {
      const parent = page.hidden ? area.pages.find((p) => p.name === page.parent) : undefined
      const crumbs = [
        ...(visible.length > 1 ? [{ title: area.title }] : []),
        ...(parent ? [{ title: parent.title, name: parent.name }] : []),
        { title: page.title },
      ]
      return {
        path: page.path,
        name: page.name,
        component: page.component as RouteRecordRaw['component'],
        meta: {
          title: page.title,
          crumbs,
          permission: page.permission ?? area.permission,
          menu: parent ? parent.name : page.name,
          soon: area.soon,
        },
      } as RouteRecordRaw
    })
  })
}

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('./views/auth/LoginView.vue'),
    meta: { public: true, title: '登录' },
  },
  {
    path: '/password',
    name: 'password',
    component: () => import('./views/auth/PasswordView.vue'),
    meta: { title: '修改密码' },
  },
  {
    path: '/org-only',
    name: 'org-only',
    component: () => import('./views/auth/OrgOnlyView.vue'),
    meta: { title: '仅供组织部使用' },
  },
  {
    path: '/',
    component: () => import('./layout/ConsoleLayout.vue'),
    children: [
      ...routesFromMenu(MENU),
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('./views/NotFoundView.vue'),
        meta: { title: '页面不存在' },
      },
    ],
  },
]

/** A redirect target from the query, only when it is a path inside the console. */
export function safeRedirect(value: unknown): string | null {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : null
}

/** Where a navigation may go, given who is logged in (null: nobody). */
export function decide(
  to: { name?: unknown; fullPath: string; meta: { public?: boolean; permission?: Permission } },
  me: Me | null,
): true | RouteLocationRaw {
  if (to.meta.public) {
    if (to.name === 'login' && me && !me.must_change_password && isOrgAdmin(me)) return { name: 'dashboard' }
    return true
  }
  if (!me) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  if (me.must_change_password) return to.name === 'password' ? true : { name: 'password' }
  if (to.name === 'password') return true
  if (!isOrgAdmin(me)) return to.name === 'org-only' ? true : { name: 'org-only' }
  if (to.name === 'org-only') return { name: 'dashboard' }
  if (!can(me, to.meta.permission)) return { name: 'dashboard' }
  return true
}

export const router = createRouter({
  history: createWebHistory(CONSOLE_BASE),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

router.beforeEach(async (to) => {
  const session = useSession()
  let me = session.me.value
  if (!session.loaded.value) {
    try {
      me = await session.load()
    } catch {
      return true // offline or server trouble: the page shows the error and a retry
    }
  }
  if (me) useScope().initScope(me)
  return decide(to, me)
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - 应知应会管理端` : '应知应会管理端'
})
