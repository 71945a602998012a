// The rubric editor's model and its conversion to the API (criteria with bands as `levels`).
import type { Rubric, RubricInput } from '../../api/cases'

export interface BandForm {
  label: string
  min: string
  description: string
}

export interface CriterionForm {
  name: string
  description: string
  max: number
  levels: BandForm[]
}

export const emptyCriterion = (): CriterionForm => ({ name: '', description: '', max: 10, levels: [] })

export function criteriaFromApi(rubric: Rubric): CriterionForm[] {
  return rubric.criteria.map((c) => ({
    name: c.name,
    description: c.description ?? '',
    max: Number(c.max_score),
    levels: (c.levels ?? []).map((level) => ({
      label: String(level.label ?? ''),
      min: String(level.min ?? ''),
      description: String(level.description ?? ''),
    })),
  }))
}

export function rubricBody(name: string, criteria: CriterionForm[]): RubricInput {
  return {
    name,
    criteria: criteria.map((c) => ({
      name: c.name.trim(),
      description: c.description.trim(),
      max_score: String(c.max),
      levels: c.levels
        .filter((b) => b.label.trim() || b.description.trim())
        .map((b) => ({ label: b.label.trim(), min: b.min.trim(), description: b.description.trim() })),
    })),
  }
}

/** Same criteria, same bands: nothing to save. */
export function sameCriteria(a: CriterionForm[], b: CriterionForm[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Fallback when the API gives no reason (a viewer who is not an admin). */
export const RUBRIC_READ_ONLY = '只有组织单位可以修改该评分标准；如需调整请新建评分标准'

/**
 * Why the rubric cannot be edited here, or '' when it can: the API's `permissions` are the
 * check its PUT makes (every call using the rubric organized by the viewer), so a township
 * admin whose call shares the county's rubric sees the hint instead of learning on save.
 * A rubric not yet saved (null) is the admin's own.
 */
export function rubricLockedHint(rubric: Pick<Rubric, 'permissions'> | null): string {
  if (!rubric || rubric.permissions.can_revise) return ''
  return rubric.permissions.hint || RUBRIC_READ_ONLY
}
