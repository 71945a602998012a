// Small pieces of case text that must never read as raw data.
import { formatScore } from '@/utils/format'

const fmt = (n: number | string) => formatScore(String(n))

/** "王建国 · 甲镇/一村 · 83 分": the parts that exist, so an anonymous author gives
 *  "匿名作者 · 83 分", not "匿名作者 · · 83 分". */
export function joinParts(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => Boolean(p && p.trim())).join(' · ')
}

export type RubricLevel = { label: string; min: string; description?: string }

/**
 * Each rubric band as the score range it covers, highest first: 优（18–20 分）… 差（0–9 分），
 * instead of "差（0 分以上）". Scores are whole points (the stepper's step); a band whose
 * next band starts at a fraction ends "不足 X 分".
 */
export function levelRanges(levels: RubricLevel[], maxScore: string | number): (RubricLevel & { range: string })[] {
  const sorted = [...levels].sort((a, b) => Number(b.min) - Number(a.min))
  return sorted.map((level, i) => {
    const low = Number(level.min)
    const above = i === 0 ? null : Number(sorted[i - 1]!.min)
    let range: string
    if (above === null) range = low >= Number(maxScore) ? `${fmt(low)} 分` : `${fmt(low)}–${fmt(maxScore)} 分`
    else if (Number.isInteger(above) && Number.isInteger(low)) {
      range = above - 1 > low ? `${low}–${above - 1} 分` : `${low} 分`
    } else range = `${fmt(low)} 分至不足 ${fmt(above)} 分`
    return { ...level, range }
  })
}
