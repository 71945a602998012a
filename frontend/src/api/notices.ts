// 通知公告: the notices addressed to the user's unit (typed from the generated schema).
import { api } from './http'
import type { components } from './schema'
import type { Paginated } from './types'

export type Notice = components['schemas']['Notice']

export const noticesApi = {
  /** Live notices for my unit, newest first. */
  mine: (pageSize = 20) => api.get<Paginated<Notice>>(`notices/mine?page_size=${pageSize}`),
}
