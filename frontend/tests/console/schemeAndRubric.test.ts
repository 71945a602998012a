import { describe, expect, it } from 'vitest'
import { fromApi, newPart, toApi, weightTotal } from '@/console/views/records/scheme'
import { RUBRIC_READ_ONLY, criteriaFromApi, rubricBody, rubricLockedHint } from '@/console/views/cases/rubric'

describe('scheme editor model', () => {
  it('sums the weights live, leaving 加减分 out, without float drift', () => {
    const parts = [newPart('exam'), newPart('indicator'), newPart('adjust')]
    parts[0]!.weight = 33.33
    parts[1]!.weight = 66.67
    parts[2]!.weight = 50 // ignored: bonus items carry no weight
    expect(weightTotal(parts)).toBe(100)
  })

  it('sends bands only for a band-mapped indicator, and weight 0 for 加减分', () => {
    const indicator = { ...newPart('indicator'), name: ' 民调 ', mapping: 'bands' }
    const body = toApi(indicator, 2)
    expect(body.name).toBe('民调')
    expect(body.order).toBe(2)
    expect(body.bands).toEqual([
      { min: 90, points: 100 },
      { min: 80, points: 85 },
      { min: 0, points: 60 },
    ])
    expect(toApi({ ...indicator, mapping: 'linear' }, 0).bands).toEqual([])
    expect(toApi({ ...newPart('adjust'), weight: 10 }, 3).weight).toBe('0')
  })

  it('reads the API shape back (decimal strings, bands)', () => {
    const part = fromApi({
      id: 7,
      name: '群众满意率',
      kind: 'indicator',
      weight: '10.00',
      mapping: 'bands',
      bands: [{ min: '95', points: '100' }],
      value_min: '0.00',
      value_max: '100.00',
    })
    expect(part).toMatchObject({ id: 7, weight: 10, value_max: 100, bands: [{ min: 95, points: 100 }] })
  })
})

describe('rubric editor model', () => {
  it('round-trips criteria with band descriptions and drops empty bands', () => {
    const criteria = criteriaFromApi({
      id: 1,
      name: '评分标准',
      version: 2,
      max_total: '50',
      in_use: true,
      is_latest: true,
      permissions: { can_revise: true, hint: '' },
      criteria: [{ id: 3, name: '实效', description: '', max_score: '50.00', levels: [{ label: '优秀', min: '45', description: '成效可查' }] }],
    })
    criteria[0]!.levels.push({ label: '', min: '', description: '' })
    const body = rubricBody('评分标准', criteria)
    expect(body.criteria[0]).toEqual({
      name: '实效',
      description: '',
      max_score: '50',
      levels: [{ label: '优秀', min: '45', description: '成效可查' }],
    })
  })
})

describe('rubric editor lock (the API says who may revise a rubric)', () => {
  const COUNTY_HINT = '该评分标准正被某县组织的案例征集使用，只有组织单位可以修改；如需调整请新建评分标准'

  it('offers editing on a new rubric and on one the viewer may revise', () => {
    expect(rubricLockedHint(null)).toBe('')
    expect(rubricLockedHint({ permissions: { can_revise: true, hint: '' } })).toBe('')
  })

  it("locks the county call's rubric for a township admin, with the API's reason", () => {
    expect(rubricLockedHint({ permissions: { can_revise: false, hint: COUNTY_HINT } })).toBe(COUNTY_HINT)
    expect(rubricLockedHint({ permissions: { can_revise: false, hint: '' } })).toBe(RUBRIC_READ_ONLY)
  })
})
