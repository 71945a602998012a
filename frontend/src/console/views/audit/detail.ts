// An operation log entry's `detail` (what the recorder kept about a request) as sections
// a person reads: Chinese titles, Chinese field names where we know them, 是/否 for
// flags, and a note where a long value was left out. Unknown keys still show, by name.

export interface DetailPair {
  key: string
  label: string
  value: string
}

export type DetailSection =
  | { key: string; title: string; kind: 'text'; text: string }
  | { key: string; title: string; kind: 'pairs'; pairs: DetailPair[] }
  | { key: string; title: string; kind: 'list'; items: string[] }

const SECTION_TITLES: Record<string, string> = {
  channel: '登录方式',
  error: '拒绝原因',
  fields: '提交的内容',
  query: '请求参数',
  files: '上传的文件',
  result: '处理结果',
  admin_action: '批量操作',
  selected: '选中的对象编号',
  change: '变更说明',
}

// Field and parameter names across the API's writes, filters and answers.
export const FIELD_LABELS: Record<string, string> = {
  // people and units
  username: '工号',
  real_name: '姓名',
  mobile: '手机号',
  org_unit: '单位',
  position: '职务',
  is_cadre: '干部',
  is_reviewer: '评审员',
  is_active: '启用',
  admin_units: '管理范围',
  must_change_password: '首次登录须修改密码',
  role: '角色',
  rows: '名单行',
  name: '名称',
  kind: '类型',
  parent: '上级单位',
  sort_order: '排序',
  // bank and questions
  title: '标题',
  text: '正文',
  description: '说明',
  bank: '题库',
  type: '题型',
  stem: '题干',
  options: '选项',
  answer: '答案',
  explanation: '解析',
  difficulty: '难度',
  knowledge_point: '知识点',
  knowledge_points: '知识点',
  status: '状态',
  action: '操作',
  comment: '意见',
  shared_down: '向下级共享',
  max_per_type: '每种题型最多',
  seed: '随机种子',
  // papers and exams
  paper: '试卷',
  mode: '组卷方式',
  rules: '抽题规则',
  items: '试题',
  points: '分值',
  count: '数量',
  opens_at: '开始时间',
  closes_at: '结束时间',
  duration_minutes: '时长（分钟）',
  audience_units: '参考单位',
  audience_users: '参考人员',
  pass_score: '及格分',
  graders: '评分人',
  exam: '考试',
  score: '得分',
  // cases and records
  theme: '主题',
  deadline: '截止时间',
  rubric: '评分标准',
  reviewer: '评审员',
  period: '考核周期',
  component: '考核项',
  adjustment: '调整分值',
  reason: '原因',
  reply: '答复',
  content: '内容',
  body: '正文',
  // import options and list parameters
  dry_run: '仅检查，不导入',
  strict: '有错误行时全部不导入',
  create_units: '自动新建单位',
  format: '格式',
  search: '搜索',
  ordering: '排序',
  page: '页码',
  page_size: '每页条数',
  date_from: '起始日期',
  date_to: '截止日期',
  actor: '操作人',
  unit: '单位',
  object_type: '对象类型',
  object_id: '对象编号',
  succeeded: '结果',
  ip: '来源地址',
  // counts in answers
  total: '总行数',
  created: '新增',
  updated: '更新',
  unchanged: '未变化',
  error_count: '错误行数',
  cleared: '解除锁定的来源地址数',
  generated: '生成',
}

export const OMITTED = '…'
const OMITTED_TEXT = '（内容较长，未记录）'
const EMPTY_TEXT = '（空）'

/** One value as text: 是/否 for flags (also the strings "true"/"false" of a query). */
export function formatValue(value: unknown): string {
  if (value === true || value === 'true') return '是'
  if (value === false || value === 'false') return '否'
  if (value === null || value === undefined || value === '') return EMPTY_TEXT
  if (value === OMITTED) return OMITTED_TEXT
  if (Array.isArray(value)) return value.length ? value.map(formatValue).join('、') : '（无）'
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>)
      .map(([key, inner]) => `${FIELD_LABELS[key] ?? key}：${formatValue(inner)}`)
      .join('；')
  }
  return String(value)
}

function pairs(value: Record<string, unknown>): DetailPair[] {
  return Object.entries(value).map(([key, inner]) => ({
    key,
    label: FIELD_LABELS[key] ?? key,
    value: formatValue(inner),
  }))
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The sections to show, in a fixed order for the keys we know, then any others. */
export function describeDetail(detail: Record<string, unknown> | null | undefined): DetailSection[] {
  if (!detail) return []
  const known = Object.keys(SECTION_TITLES).filter((key) => key in detail)
  const others = Object.keys(detail).filter((key) => !(key in SECTION_TITLES))
  const sections: DetailSection[] = []
  for (const key of [...known, ...others]) {
    const value = detail[key]
    const title = SECTION_TITLES[key] ?? FIELD_LABELS[key] ?? key
    if (isRecord(value)) {
      if (Object.keys(value).length) sections.push({ key, title, kind: 'pairs', pairs: pairs(value) })
    } else if (Array.isArray(value)) {
      if (value.length) sections.push({ key, title, kind: 'list', items: value.map(formatValue) })
    } else if (value !== '' && value !== null && value !== undefined) {
      sections.push({ key, title, kind: 'text', text: formatValue(value) })
    }
  }
  return sections
}
