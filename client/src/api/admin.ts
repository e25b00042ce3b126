/** Instance administration (`/api/admin`), for the instance admin only (shared/api/admin.ts). */
import { type InstanceSettings, settingsResponse } from '../../../shared/api/admin'
import { parseWith, requestJson } from './http'

export type { InstanceSettings } from '../../../shared/api/admin'

const base = '/api/admin/settings'
const parseSettings = parseWith(settingsResponse, 'settings')

export function getInstanceSettings(): Promise<InstanceSettings> {
  return requestJson('GET', base, parseSettings)
}

export function setOpenRegistration(openRegistration: boolean): Promise<InstanceSettings> {
  return requestJson('PATCH', base, parseSettings, { openRegistration })
}
