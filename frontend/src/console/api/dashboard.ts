import { api } from '@/api/http'
import type { components } from '@/api/schema'

export type Dashboard = components['schemas']['Dashboard']
export type DashboardCounts = components['schemas']['DashboardCounts']

export const dashboardApi = {
  get: () => api.get<Dashboard>('console/dashboard'),
}
