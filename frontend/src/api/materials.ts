import { api } from './http'
import type { components } from './schema'
import type { Paginated } from './types'

export type Material = components['schemas']['Material']
export type Passage = components['schemas']['Passage']

export const materialsApi = {
  list: () => api.get<Paginated<Material>>('materials/?page_size=100'),
  get: (id: number) => api.get<Material>(`materials/${id}/`),
  /** Every passage in reading order (the list is paginated at 200). */
  async passages(id: number): Promise<Passage[]> {
    const all: Passage[] = []
    for (let page = 1; page < 100; page++) {
      const batch = await api.get<Paginated<Passage>>(`materials/${id}/passages/?page=${page}&page_size=200`)
      all.push(...batch.results)
      if (!batch.next) break
    }
    return all
  },
}
