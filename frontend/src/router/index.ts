import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import { useSession } from '@/stores/session'

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without logging in. */
    public?: boolean
    title?: string
  }
}

const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/views/auth/LoginView.vue'),
    meta: { public: true, title: '登录' },
  },
  {
    path: '/password',
    name: 'password',
    component: () => import('@/views/auth/PasswordView.vue'),
    meta: { title: '修改密码' },
  },
  {
    path: '/',
    component: () => import('@/components/TabLayout.vue'),
    children: [
      { path: '', name: 'home', component: () => import('@/views/home/HomeView.vue'), meta: { title: '首页' } },
      { path: 'study', name: 'study', component: () => import('@/views/study/StudyView.vue'), meta: { title: '学习' } },
      { path: 'exams', name: 'exams', component: () => import('@/views/exam/ExamListView.vue'), meta: { title: '考试' } },
      { path: 'me', name: 'profile', component: () => import('@/views/profile/ProfileView.vue'), meta: { title: '我的' } },
    ],
  },
  {
    path: '/me/record',
    name: 'record',
    component: () => import('@/views/records/RecordView.vue'),
    meta: { title: '我的考核档案' },
  },
  {
    path: '/cases',
    name: 'cases',
    component: () => import('@/views/cases/CasesView.vue'),
    meta: { title: '案例征集' },
  },
  {
    path: '/cases/:id(\\d+)',
    name: 'case-edit',
    component: () => import('@/views/cases/CaseEditView.vue'),
    meta: { title: '写案例' },
  },
  {
    // 写案例 for a call the cadre has no case in yet: nothing is stored until they write.
    path: '/cases/write/:call(\\d+)',
    name: 'case-write',
    component: () => import('@/views/cases/CaseEditView.vue'),
    meta: { title: '写案例' },
  },
  {
    path: '/case-library',
    name: 'case-library',
    component: () => import('@/views/cases/LibraryView.vue'),
    meta: { title: '案例库' },
  },
  {
    path: '/case-library/:id(\\d+)',
    name: 'library-case',
    component: () => import('@/views/cases/LibraryCaseView.vue'),
    meta: { title: '案例详情' },
  },
  {
    path: '/reviews',
    name: 'reviews',
    component: () => import('@/views/reviews/ReviewsView.vue'),
    meta: { title: '评审任务' },
  },
  {
    path: '/reviews/:id(\\d+)',
    name: 'review',
    component: () => import('@/views/reviews/ReviewView.vue'),
    meta: { title: '案例评审' },
  },
  {
    path: '/grading',
    name: 'grading',
    component: () => import('@/views/reviews/GradingView.vue'),
    meta: { title: '主观题评分' },
  },
  {
    path: '/study/needs',
    name: 'study-needs',
    component: () => import('@/views/study/StudyNeedsView.vue'),
    meta: { title: '学习需求调查' },
  },
  {
    path: '/study/materials',
    name: 'materials',
    component: () => import('@/views/study/MaterialsView.vue'),
    meta: { title: '学习资料' },
  },
  {
    path: '/study/materials/:id(\\d+)',
    name: 'material',
    component: () => import('@/views/study/MaterialReaderView.vue'),
    meta: { title: '学习资料' },
  },
  {
    path: '/study/daily',
    name: 'daily-quiz',
    component: () => import('@/views/study/DailyQuizView.vue'),
    meta: { title: '每日一练' },
  },
  {
    path: '/study/practice/:id(\\d+)',
    name: 'practice',
    component: () => import('@/views/study/PracticeView.vue'),
    meta: { title: '专项练习' },
  },
  {
    path: '/study/wrong-book',
    name: 'wrong-book',
    component: () => import('@/views/study/WrongBookView.vue'),
    meta: { title: '错题本' },
  },
  {
    path: '/exams/:id(\\d+)',
    name: 'exam-detail',
    component: () => import('@/views/exam/ExamDetailView.vue'),
    meta: { title: '考试详情' },
  },
  {
    path: '/attempts/:id(\\d+)',
    name: 'attempt',
    component: () => import('@/views/exam/AttemptView.vue'),
    meta: { title: '答题' },
  },
  {
    path: '/attempts/:id(\\d+)/result',
    name: 'result',
    component: () => import('@/views/exam/ResultView.vue'),
    meta: { title: '考试成绩' },
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/NotFoundView.vue'),
    meta: { public: true, title: '页面不存在' },
  },
]

export const router = createRouter({
  history: createWebHistory('/'),
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
      // Offline or server trouble: let the page render and report it (an attempt page
      // renders from its cached copy).
      return true
    }
  }
  if (to.meta.public) {
    if (to.name === 'login' && me) return { name: 'home' }
    return true
  }
  if (!me) {
    return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  }
  if (me.must_change_password && to.name !== 'password') {
    return { name: 'password', query: { first: '1' } }
  }
  return true
})

router.afterEach((to) => {
  document.title = to.meta.title ? `${to.meta.title} - 应知应会` : '应知应会'
})
