/** `/api/briefings/:id/versions`: a briefing's history, named versions, compare and restore. */
import { z } from 'zod'
import { time } from './fields'

/**
 * How a version came to be: `manual` ("Save version…"), `settled` (a burst of editing ended),
 * `export` (the state an export printed), `before-restore` (the document just before a
 * restore replaced it) and `restored` (the document a restore made).
 */
export const VERSION_KINDS = ['manual', 'settled', 'export', 'before-restore', 'restored'] as const
export type VersionKind = (typeof VERSION_KINDS)[number]

/** Longest version name accepted. */
export const MAX_VERSION_NAME_LENGTH = 120

const versionName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_VERSION_NAME_LENGTH, `must be at most ${MAX_VERSION_NAME_LENGTH} characters`)

export const createVersionRequest = z.object({ name: versionName }).strict()
/** `null` takes the name away (the version becomes automatic again and may be thinned out). */
export const renameVersionRequest = z.object({ name: versionName.nullable() }).strict()
export const versionContentQuery = z
  .object({ format: z.enum(['json', 'html']).default('json') })
  .strict()

export const versionAuthor = z.object({ id: z.string(), name: z.string() })

/** One version; `id` is the document-state hash an export of it prints. */
export const version = z.object({
  id: z.string(),
  name: z.string().nullable(),
  createdAt: time,
  /** Who changed something between the previous version and this one. */
  authors: z.array(versionAuthor),
  kind: z.enum(VERSION_KINDS),
  /** For a `restored` version: the version it brought back. */
  restoredFrom: z.string().nullable(),
  /** Stored size (Yjs state and JSON), bytes. */
  bytes: z.number().int(),
})
export const versionListResponse = z.object({ versions: z.array(version) })
export const versionResponse = z.object({ version })

const wordRun = z.object({ op: z.enum(['same', 'inserted', 'deleted']), text: z.string() })
const nodeJson = z.looseObject({ type: z.string() })
export const blockDiff = z.union([
  z.object({ op: z.enum(['same', 'inserted', 'deleted']), block: nodeJson }),
  z.object({
    op: z.literal('changed'),
    from: nodeJson,
    to: nodeJson,
    words: z.array(wordRun),
    speaker: z.object({ from: z.string().nullable(), to: z.string().nullable() }).optional(),
    attrs: z.array(z.string()),
  }),
])
export const compareResponse = z.object({
  from: version,
  /** null when comparing with the current document. */
  to: version.nullable(),
  blocks: z.array(blockDiff),
  stats: z.object({
    insertedWords: z.number().int(),
    deletedWords: z.number().int(),
    changedBlocks: z.number().int(),
  }),
})

export type Version = z.infer<typeof version>
export type VersionAuthor = z.infer<typeof versionAuthor>
export type CompareResponse = z.infer<typeof compareResponse>
