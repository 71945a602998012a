// The scheme editor's model: components as the form edits them (numbers, band rows), and the
// conversion to and from the API's shape (decimal strings, bands as [{min, points}]).
import type { Component } from '../../api/periods'

export type Kind = 'exam' | 'case' | 'indicator' | 'adjust'

export interface BandRow {
  min: number
  points: number
}

export interface PartForm {
  id?: number
  name: string
  kind: Kind
  weight: number
  aggregation: string
  missing: string
  cap: number | null
  level: string
  value_min: number
  value_max: number
  mapping: string
  bands: BandRow[]
  /** An exam component's exams among the period's linked ones; empty: all of them. */
  exams: number[]
}

export const KINDS: { value: Kind; label: string; hint: string }[] = [
  { value: 'exam', label: '考试成绩', hint: '取周期关联考试的成绩（百分制）' },
  { value: 'case', label: '案例评分', hint: '取周期关联案例征集的最终得分（百分制）' },
  { value: 'indicator', label: '外部指标', hint: '导入的指标数值，按线性或分档换算为百分制' },
  { value: 'adjust', label: '加减分', hint: '逐人录入的加分、减分，直接计入总分，不占权重' },
]

export const AGGREGATIONS: Record<Kind, { value: string; label: string }[]> = {
  exam: [
    { value: 'best', label: '取最高' },
    { value: 'latest', label: '取最近一次' },
    { value: 'mean', label: '取平均' },
  ],
  case: [
    { value: 'best', label: '取最高' },
    { value: 'mean', label: '取平均' },
    { value: 'capped_sum', label: '累计（封顶）' },
  ],
  indicator: [],
  adjust: [],
}

export function newPart(kind: Kind): PartForm {
  return {
    name: '',
    kind,
    weight: kind === 'adjust' ? 0 : 10,
    aggregation: 'best',
    missing: 'zero',
    cap: kind === 'adjust' ? 5 : null,
    level: 'user',
    value_min: 0,
    value_max: 100,
    mapping: 'linear',
    bands: [
      { min: 90, points: 100 },
      { min: 80, points: 85 },
      { min: 0, points: 60 },
    ],
    exams: [],
  }
}

const num = (value: unknown, fallback = 0) => {
  const parsed = Number(value)
  return Number.isFinite(parsed) ? parsed : fallback
}

export function fromApi(part: Component): PartForm {
  const bands = Array.isArray(part.bands) ? (part.bands as { min: unknown; points: unknown }[]) : []
  return {
    id: part.id,
    name: part.name,
    kind: part.kind as Kind,
    weight: num(part.weight),
    aggregation: part.aggregation ?? 'best',
    missing: part.missing ?? 'zero',
    cap: part.cap == null ? null : num(part.cap),
    level: part.level ?? 'user',
    value_min: num(part.value_min),
    value_max: num(part.value_max, 100),
    mapping: part.mapping ?? 'linear',
    bands: bands.map((b) => ({ min: num(b.min), points: num(b.points) })),
    exams: [...(part.exams ?? [])],
  }
}

export function toApi(part: PartForm, order: number): Component {
  const body: Component = {
    name: part.name.trim(),
    kind: part.kind,
    weight: String(part.kind === 'adjust' ? 0 : part.weight),
    order,
    aggregation: (part.kind === 'exam' || part.kind === 'case' ? part.aggregation : 'best') as Component['aggregation'],
    missing: part.missing as Component['missing'],
    cap: part.cap == null ? null : String(part.cap),
    level: part.level as Component['level'],
    value_min: String(part.value_min),
    value_max: String(part.value_max),
    mapping: part.mapping as Component['mapping'],
    bands: part.kind === 'indicator' && part.mapping === 'bands' ? part.bands.map((b) => ({ ...b })) : [],
    exams: part.kind === 'exam' ? [...part.exams] : [],
  }
  if (part.id) body.id = part.id
  return body
}

/** The weights that must add up to 100%: every part but 加减分. */
export function weightTotal(parts: PartForm[]): number {
  const cents = parts.filter((p) => p.kind !== 'adjust').reduce((sum, p) => sum + Math.round(p.weight * 100), 0)
  return cents / 100
}
