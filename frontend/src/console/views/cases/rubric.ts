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
