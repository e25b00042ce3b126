/**
 * The accounts REST API (`/api/auth`): registration, sign-in and sign-out, the current user,
 * renaming and changing the password.
 */
import { TEAM_ROLES, type TeamRole } from '../../../shared/access'
import { arrayAt, booleanAt, objectAt, oneOfAt, stringAt } from './fields'
import { requestJson } from './http'

/** A signed-in person as the API describes them. */
export interface Account {
  id: string
  email: string
  name: string
  /** The instance admin (the first person to register) manages instance settings. */
  isAdmin: boolean
}

/** A team the user belongs to, with their role in it. */
export interface TeamMembership {
  id: string
  name: string
  /** Everyone has exactly one personal team, created with their account. */
  personal: boolean
  role: TeamRole
}

/** Who is signed in and the teams they belong to (`GET /api/auth/me`). */
export interface Me {
  user: Account
  teams: TeamMembership[]
}

/** What the sign-up page needs before anyone signs in. */
export interface AuthConfig {
  openRegistration: boolean
  /** False until the first account exists; that account becomes the instance admin. */
  hasUsers: boolean
}

export interface Registration {
  email: string
  name: string
  password: string
  /** An invite link's token: joins its team, and admits the user when registration is closed. */
  inviteToken?: string
}

const base = '/api/auth'

export function getAuthConfig(): Promise<AuthConfig> {
  return requestJson('GET', `${base}/config`, (body) => {
    const fields = objectAt(body, 'config')
    return {
      openRegistration: booleanAt(fields, 'openRegistration', 'config'),
      hasUsers: booleanAt(fields, 'hasUsers', 'config'),
    }
  })
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
  return requestJson('POST', `${base}/logout`, () => undefined)
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
  return requestJson('POST', `${base}/password`, () => undefined, {
    currentPassword,
    newPassword,
  })
}

export function parseMe(body: unknown): Me {
  const fields = objectAt(body, 'me')
  return {
    user: parseAccount(fields.user, 'me.user'),
    teams: arrayAt(fields, 'teams', 'me', parseTeamMembership),
  }
}

function parseAccount(value: unknown, what: string): Account {
  const fields = objectAt(value, what)
  return {
    id: stringAt(fields, 'id', what),
    email: stringAt(fields, 'email', what),
    name: stringAt(fields, 'name', what),
    isAdmin: booleanAt(fields, 'isAdmin', what),
  }
}

export function parseTeamMembership(value: unknown, what: string): TeamMembership {
  const fields = objectAt(value, what)
  return {
    id: stringAt(fields, 'id', what),
    name: stringAt(fields, 'name', what),
    personal: booleanAt(fields, 'personal', what),
    role: oneOfAt(fields, 'role', what, TEAM_ROLES),
  }
}
