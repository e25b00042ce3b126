/**
 * The accounts REST API (`/api/auth`): registration, sign-in and sign-out, the current user,
 * renaming and changing the password. Shapes are the contract's (shared/api/accounts.ts).
 */
import {
  type AuthConfig,
  authConfigResponse,
  type Me,
  meResponse,
  type Registration,
} from '../../../shared/api/accounts'
import { parseWith, requestJson } from './http'

export type {
  Account,
  AuthConfig,
  Me,
  Registration,
  TeamMembership,
} from '../../../shared/api/accounts'

const base = '/api/auth'

export const parseMe = parseWith(meResponse, 'me')
const noBody = () => undefined

export function getAuthConfig(): Promise<AuthConfig> {
  return requestJson('GET', `${base}/config`, parseWith(authConfigResponse, 'config'))
}

/** The signed-in user; rejects with a 401 `ApiError` when nobody is. */
export function getMe(): Promise<Me> {
  return requestJson('GET', `${base}/me`, parseMe)
}

export function register(registration: Registration): Promise<Me> {
  return requestJson('POST', `${base}/register`, parseMe, registration)
}

export function signIn(email: string, password: string): Promise<Me> {
  return requestJson('POST', `${base}/login`, parseMe, { email, password })
}

export function signOut(): Promise<void> {
  return requestJson('POST', `${base}/logout`, noBody)
}

/** Renames the signed-in user; answers with the account as `/me` reads it now. */
export function renameAccount(name: string): Promise<Me> {
  return requestJson('PATCH', `${base}/me`, parseMe, { name })
}

/**
 * Changes the signed-in user's password. The server signs out every other session of the
 * user; this one stays. Needs the browser session (API tokens cannot do it).
 */
export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return requestJson('POST', `${base}/password`, noBody, { currentPassword, newPassword })
}
