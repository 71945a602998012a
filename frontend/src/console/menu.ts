// The console's areas: ONE declaration per area gives its menu entry, its routes and who may
// open them. router.ts builds the routes from this list and ConsoleLayout.vue the left menu,
// so adding an area (or a page to an area) is an edit here and a folder under views/.
import type { Component } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import {
  Bell,
  ChatLineSquare,
  Collection,
  Document,
  EditPen,
  Files,
  List,
  OfficeBuilding,
  Odometer,
  Reading,
  Timer,
} from '@element-plus/icons-vue'
import type { Permission } from './permissions'

type Lazy = () => Promise<unknown>

export interface MenuPage {
  /** Path under /console/, without a leading slash ('' is the console's home). */
  path: string
  /** Route name: links use it, never the path. */
  name: string
  title: string
  component: Lazy
  /** A page with its own route but no menu item (a detail page); the menu marks `parent`. */
  hidden?: boolean
  /** For hidden pages: the menu page to highlight. */
  parent?: string
  /** Defaults to the area's. */
  permission?: Permission
}

/** An area whose screens are not built yet: one honest "即将上线" page, never a fake one. */
export interface ComingSoon {
  summary: string
  features: string[]
}

export interface MenuArea {
  key: string
  title: string
  icon: Component
  permission: Permission
  /** One visible page: a plain menu item; several: a sub-menu. */
  pages: MenuPage[]
  soon?: ComingSoon
}

const comingSoon = () => import('./components/ComingSoon.vue')

/** A not-yet-built area: one route named after the area, showing what it will do (every
 * area is built now; kept for the next one). */
export function soonArea(key: string, title: string, icon: Component, soon: ComingSoon): MenuArea {
  return {
    key,
    title,
    icon,
    permission: 'org_admin',
    pages: [{ path: key, name: key, title, component: comingSoon }],
    soon,
  }
}

export const MENU: MenuArea[] = [
  {
    key: 'dashboard',
    title: '工作台',
    icon: Odometer,
    permission: 'org_admin',
    pages: [
      { path: '', name: 'dashboard', title: '工作台', component: () => import('./views/dashboard/DashboardView.vue') },
    ],
  },
  {
    key: 'org',
    title: '组织与人员',
    icon: OfficeBuilding,
    permission: 'org_admin',
    pages: [
      { path: 'org/units', name: 'org-units', title: '单位管理', component: () => import('./views/org/units/index.vue') },
      { path: 'org/users', name: 'org-users', title: '人员管理', component: () => import('./views/org/users/index.vue') },
      {
        path: 'org/import',
        name: 'org-import',
        title: '花名册导入',
        component: () => import('./views/org/import/index.vue'),
      },
    ],
  },
  {
    key: 'materials',
    title: '学习材料',
    icon: Reading,
    permission: 'org_admin',
    pages: [
      { path: 'materials', name: 'materials', title: '学习材料', component: () => import('./views/materials/index.vue') },
      {
        path: 'materials/:id(\\d+)',
        name: 'material-detail',
        title: '材料详情',
        component: () => import('./views/materials/Detail.vue'),
        hidden: true,
        parent: 'materials',
      },
    ],
  },
  {
    key: 'generation',
    title: '出题与审核',
    icon: EditPen,
    permission: 'org_admin',
    pages: [
      { path: 'generation', name: 'generation', title: '审核队列', component: () => import('./views/generation/index.vue') },
      {
        path: 'generation/batches',
        name: 'generation-batches',
        title: '生成批次',
        component: () => import('./views/generation/Batches.vue'),
      },
      {
        path: 'generation/batches/:id(\\d+)',
        name: 'generation-review',
        title: '审核工作台',
        component: () => import('./views/generation/Review.vue'),
        hidden: true,
        parent: 'generation-batches',
      },
      {
        path: 'generation/stats',
        name: 'generation-stats',
        title: '规则统计',
        component: () => import('./views/generation/Stats.vue'),
      },
    ],
  },
  {
    key: 'banks',
    title: '题库',
    icon: Collection,
    permission: 'org_admin',
    pages: [
      { path: 'banks', name: 'banks', title: '试题', component: () => import('./views/banks/index.vue') },
      { path: 'banks/list', name: 'bank-list', title: '题库管理', component: () => import('./views/banks/Banks.vue') },
      {
        path: 'banks/questions/:id(\\d+|new)',
        name: 'question-edit',
        title: '编辑试题',
        component: () => import('./views/banks/Editor.vue'),
        hidden: true,
        parent: 'banks',
      },
      { path: 'banks/import', name: 'question-import', title: '试题导入', component: () => import('./views/banks/Import.vue') },
    ],
  },
  {
    key: 'papers',
    title: '试卷',
    icon: Document,
    permission: 'org_admin',
    pages: [
      { path: 'papers', name: 'papers', title: '试卷', component: () => import('./views/papers/index.vue') },
      {
        path: 'papers/:id(\\d+|new)',
        name: 'paper-edit',
        title: '编辑试卷',
        component: () => import('./views/papers/Editor.vue'),
        hidden: true,
        parent: 'papers',
      },
    ],
  },
  {
    key: 'exams',
    title: '考试',
    icon: Timer,
    permission: 'org_admin',
    pages: [
      { path: 'exams', name: 'exams', title: '考试', component: () => import('./views/exams/index.vue') },
      {
        path: 'exams/:id(\\d+|new)/edit',
        name: 'exam-edit',
        title: '考试设置',
        component: () => import('./views/exams/Wizard.vue'),
        hidden: true,
        parent: 'exams',
      },
      {
        path: 'exams/:id(\\d+)',
        name: 'exam-detail',
        title: '考试详情',
        component: () => import('./views/exams/Detail.vue'),
        hidden: true,
        parent: 'exams',
      },
    ],
  },
  {
    key: 'case-calls',
    title: '案例征集',
    icon: ChatLineSquare,
    permission: 'org_admin',
    pages: [
      { path: 'case-calls', name: 'case-calls', title: '征集管理', component: () => import('./views/cases/index.vue') },
      {
        path: 'case-calls/new',
        name: 'case-call-new',
        title: '发起案例征集',
        component: () => import('./views/cases/CallForm.vue'),
        hidden: true,
        parent: 'case-calls',
      },
      {
        path: 'case-calls/:id(\\d+)/edit',
        name: 'case-call-edit',
        title: '编辑案例征集',
        component: () => import('./views/cases/CallForm.vue'),
        hidden: true,
        parent: 'case-calls',
      },
      {
        path: 'case-calls/:id(\\d+)',
        name: 'case-call-detail',
        title: '征集详情',
        component: () => import('./views/cases/CallDetail.vue'),
        hidden: true,
        parent: 'case-calls',
      },
      {
        path: 'case-calls/arbitration',
        name: 'case-arbitration',
        title: '仲裁队列',
        component: () => import('./views/cases/Arbitration.vue'),
      },
    ],
  },
  {
    key: 'periods',
    title: '考核档案',
    icon: Files,
    permission: 'org_admin',
    pages: [
      { path: 'periods', name: 'periods', title: '考核周期', component: () => import('./views/records/index.vue') },
      {
        path: 'periods/new',
        name: 'period-new',
        title: '新建考核周期',
        component: () => import('./views/records/PeriodForm.vue'),
        hidden: true,
        parent: 'periods',
      },
      {
        path: 'periods/:id(\\d+)/edit',
        name: 'period-edit',
        title: '编辑考核周期',
        component: () => import('./views/records/PeriodForm.vue'),
        hidden: true,
        parent: 'periods',
      },
      {
        path: 'periods/:id(\\d+)',
        name: 'period-detail',
        title: '考核周期详情',
        component: () => import('./views/records/PeriodDetail.vue'),
        hidden: true,
        parent: 'periods',
      },
      {
        path: 'periods/objections',
        name: 'period-objections',
        title: '异议处理',
        component: () => import('./views/records/Objections.vue'),
      },
    ],
  },
  {
    key: 'notices',
    title: '通知公告',
    icon: Bell,
    permission: 'org_admin',
    pages: [
      { path: 'notices', name: 'notices', title: '通知公告', component: () => import('./views/notices/index.vue') },
      {
        path: 'notices/:id(\\d+|new)',
        name: 'notice-edit',
        title: '发布或修改通知',
        component: () => import('./views/notices/Form.vue'),
        hidden: true,
        parent: 'notices',
      },
    ],
  },
  {
    key: 'audit-log',
    title: '操作日志',
    icon: List,
    permission: 'org_admin',
    pages: [
      { path: 'audit-log', name: 'audit-log', title: '操作日志', component: () => import('./views/audit/index.vue') },
    ],
  },
]

/** Where each 工作台 count leads. Areas that are not built yet lead to their 即将上线 page;
 * whoever builds the area keeps the route name and honours the query. */
export const QUEUES: Record<string, RouteLocationRaw> = {
  questions_draft: { name: 'generation', query: { status: 'draft' } },
  questions_pending: { name: 'banks', query: { status: 'pending' } },
  exams_open: { name: 'exams', query: { state: 'open' } },
  answers_to_grade: { name: 'exams', query: { grading: 'pending' } },
  cases_in_arbitration: { name: 'case-calls', query: { status: 'arbitration' } },
  objections_pending: { name: 'periods', query: { objections: 'pending' } },
  periods_in_publicity: { name: 'periods', query: { status: 'publicity' } },
}
