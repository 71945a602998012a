// The named-people select of an exam and a notice: a search keeps the people already chosen,
// never lists them twice, labels each match with their unit and searches where it is told.
import { beforeEach, describe, expect, it, vi } from 'vitest'

const users = vi.fn()
const user = vi.fn()
vi.mock('@/console/api/org', () => ({ orgApi: { users: (p: URLSearchParams) => users(p), user: (id: number) => user(id) } }))

import { usePeopleSearch } from '@/console/composables/usePeopleSearch'

const person = (id: number, name: string, unit = '一村') => ({ id, real_name: name, username: `u${id}`, org_unit_name: unit })

describe('usePeopleSearch', () => {
  beforeEach(() => {
    users.mockReset()
    user.mockReset()
  })

  it('keeps the chosen, adds the new matches once, and searches in the given unit', async () => {
    const chosen = [1]
    const picker = usePeopleSearch(
      () => chosen,
      () => ({ org_unit: '7' }),
    )
    users.mockResolvedValueOnce({ results: [person(1, '张三'), person(2, '李四')] })
    await picker.search('张')
    expect(picker.options.value.map((o) => o.id)).toEqual([2])
    chosen.push(2)
    users.mockResolvedValueOnce({ results: [person(2, '李四'), person(3, '王五', '二村')] })
    await picker.search('王')
    expect(picker.options.value).toEqual([
      { id: 2, label: '李四（u2，一村）' },
      { id: 3, label: '王五（u3，二村）' },
    ])
    const params: URLSearchParams = users.mock.calls[1][0]
    expect([params.get('search'), params.get('org_unit'), params.get('is_active')]).toEqual(['王', '7', 'true'])
  })

  it('shows the people an exam named before the page opened', async () => {
    user.mockImplementation(async (id: number) => person(id, `人员${id}`))
    const picker = usePeopleSearch(() => [4, 5])
    await picker.show([4, 5])
    expect(picker.options.value.map((o) => o.label)).toEqual(['人员4（u4，一村）', '人员5（u5，一村）'])
  })
})
