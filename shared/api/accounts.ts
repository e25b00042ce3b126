/** `/api/auth`: registration, sign-in, the own account and personal API tokens. */
import { z } from 'zod'
import { TEAM_ROLES } from '../access'
import { displayName, email, givenPassword, newPassword, shortName, time } from './fields'

/**
 * The requests that set a password, built on `password`: the client validates with the shared
 * rule, the server passes the rule with its common-password check added.
 */
export function passwordRequests(password: z.ZodType<string> = newPassword) {
  return {
    register: z
      .object({ email, name: displayName, password, inviteToken: z.string().max(200).optional() })
      .strict(),
    changePassword: z
      .object({ currentPassword: givenPassword, newPassword: password })
      .strict()
      .refine((body) => body.newPassword !== body.currentPassword, {
        path: ['newPassword'],
        message: 'must differ from the current password',
      }),
  }
}

export const registerRequest = passwordRequests().register
export const changePasswordRequest = passwordRequests().changePassword
export const loginRequest = z.object({ email, password: givenPassword }).strict()
export const renameRequest = z.object({ name: displayName }).strict()
export const createTokenRequest = z
  .object({ name: shortName, readOnly: z.boolean().default(false) })
  .strict()

/** A signed-in person. The instance admin (the first to register) manages instance settings. */
export const account = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  isAdmin: z.boolean(),
})

/** A team the user belongs to, with their role in it; everyone has one personal team. */
export const teamMembership = z.object({
  id: z.string(),
  name: z.string(),
  personal: z.boolean(),
  role: z.enum(TEAM_ROLES),
})

/** Who is signed in and their teams: `/me`, and what sign-in, registration and renaming answer. */
export const meResponse = z.object({ user: account, teams: z.array(teamMembership) })

/** What the sign-up page needs before anyone signs in. */
export const authConfigResponse = z.object({
  openRegistration: z.boolean(),
  /** False until the first account exists; that account becomes the instance admin. */
  hasUsers: z.boolean(),
})

/** A personal API token; a read-only one may only read, and opens briefings read-only. */
export const apiToken = z.object({
  id: z.string(),
  name: z.string(),
  readOnly: z.boolean(),
  createdAt: time,
  lastUsedAt: time.nullable(),
  revokedAt: time.nullable(),
})
export const tokenListResponse = z.object({ tokens: z.array(apiToken) })
/** A token just created: `token` is its secret, shown this once. */
export const createdTokenResponse = apiToken.extend({ token: z.string() })

export type Account = z.infer<typeof account>
export type TeamMembership = z.infer<typeof teamMembership>
export type Me = z.infer<typeof meResponse>
export type AuthConfig = z.infer<typeof authConfigResponse>
export type ApiTokenRecord = z.infer<typeof apiToken>
export type Registration = z.input<typeof registerRequest>
