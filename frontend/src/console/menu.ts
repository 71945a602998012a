// The console's areas: ONE declaration per area gives its menu entry, its routes and who may
// open them. router.ts builds the routes from this list and ConsoleLayout.vue the left menu,
// so adding an area (or a page to an area) is an edit here and a folder under views/.
import type { Component } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import {
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

/** A not-yet-built area: one route named after the area, showing what it will do. */
function soonArea(key: string, title: string, icon: Component, soon: ComingSoon): MenuArea {
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
  soonArea('materials', '学习材料', Reading, {
    summary: '上传政策文件或粘贴文本，选定可见范围，查看清洗后的标题与段落，确认知识点。',
    features: ['上传文件或粘贴文本，默认面向本级全体', '修改可见范围', '查看段落与知识点', '重新处理'],
  }),
  soonArea('generation', '出题与审核', EditPen, {
    summary: '从学习材料生成草稿题，逐题对照原文审核、修改、通过或驳回。',
    features: ['按题型和数量生成草稿题，显示进度', '审核工作台与快捷键', '批量通过', '出题规则统计'],
  }),
  soonArea('banks', '题库', Collection, {
    summary: '管理题库及其共享范围，编辑试题、查看版本，导入导出试题。',
    features: ['题库与共享范围', '试题筛选、编辑与版本', '试题导入（预览、去重）', '导出 xlsx / csv / json'],
  }),
  soonArea('papers', '试卷', Document, {
    summary: '固定组卷与按规则抽题组卷，预览抽题、复制试卷。',
    features: ['固定组卷', '规则组卷与缺题提示', '抽题预览', '复制试卷'],
  }),
  soonArea('exams', '考试', Timer, {
    summary: '发布考试、实时监控作答、查看成绩统计与试题分析、分配主观题评分。',
    features: ['发布考试向导', '实时监控', '成绩统计与试题分析', '主观题评分'],
  }),
  soonArea('case-calls', '案例征集', ChatLineSquare, {
    summary: '发起案例征集、编辑评分细则、跟踪评审进度、处理仲裁、发布案例库。',
    features: ['征集与评分细则', '评审进度与工作量', '仲裁队列', '发布到案例库'],
  }),
  soonArea('periods', '考核档案', Files, {
    summary: '设置考核周期与方案，导入指标，发布前检查，公示、受理异议、锁定导出。',
    features: ['考核方案', '指标导入', '发布前检查', '公示与异议处理'],
  }),
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
