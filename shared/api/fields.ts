/**
 * The zod rules for fields more than one request takes, so a rule cannot be tightened in one
 * place and missed in another. The server adds what only it can check (common passwords).
 */
import { z } from 'zod'
import { MAX_DISPLAY_NAME_LENGTH, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../accountLimits'
import { MAX_TITLE_LENGTH } from '../briefing'

export const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('must be an e-mail address'))
  .pipe(z.string().max(254))

/** The e-mail of someone invited or shared with. */
export const otherEmail = z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address'))

/** A password being set. The server also refuses the most common ones. */
export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`)

/**
 * A password being checked: only bounded, since one set under older rules must still be
 * accepted, and the bound caps the hashing work a request can ask for.
 */
export const givenPassword = z.string().max(MAX_PASSWORD_LENGTH)

export const displayName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_DISPLAY_NAME_LENGTH, `must be at most ${MAX_DISPLAY_NAME_LENGTH} characters`)

export const briefingTitle = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_TITLE_LENGTH, `must be at most ${MAX_TITLE_LENGTH} characters`)

/** A short name given by the user (teams, API tokens). */
export const shortName = z.string().trim().min(1, 'must not be empty').max(100)

/** ISO 8601 time, as every response writes times. */
export const time = z.string()

/** `?limit=&before=` of an audit log page. */
export const auditPageQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

export const auditEntry = z.object({
  id: z.number(),
  at: time,
  actorId: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  // What an entry's details hold depends on its action; a reader shows what it can.
  details: z.record(z.string(), z.unknown()).catch({}),
})

/** One page of an audit log, newest first; `nextBefore` asks for the next (older) page. */
export const auditPage = z.object({
  entries: z.array(auditEntry),
  nextBefore: z.number().nullable(),
})

export type AuditEntry = z.infer<typeof auditEntry>
export type AuditPage = z.infer<typeof auditPage>
