/** Instance administration (`/api/admin`), for the instance admin only. */
import { booleanAt, objectAt } from './fields'
import { requestJson } from './http'

export interface InstanceSettings {
  /** When false, only people holding an invite link may register. */
  openRegistration: boolean
}

const base = '/api/admin/settings'

function parseSettings(body: unknown): InstanceSettings {
  return { openRegistration: booleanAt(objectAt(body, 'settings'), 'openRegistration', 'settings') }
}

export function getInstanceSettings(): Promise<InstanceSettings> {
  return requestJson('GET', base, parseSettings)
}

export function setOpenRegistration(openRegistration: boolean): Promise<InstanceSettings> {
  return requestJson('PATCH', base, parseSettings, { openRegistration })
}
