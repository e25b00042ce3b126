/** `/api/briefings/:id/sources`: importing sources and the server's verdict on every quote. */
import { z } from 'zod'
import { SOURCE_KINDS, type Source } from '../sources'
import { assertSource } from '../sources/validate'

const kind = z.enum(SOURCE_KINDS).optional()
export const importSourceRequest = z.discriminatedUnion('type', [
  z
    .object({ type: z.literal('text'), text: z.string().min(1, 'must not be empty'), kind })
    .strict(),
  z
    .object({ type: z.literal('url'), url: z.string().url('must be a URL').max(4096), kind })
    .strict(),
  z
    .object({
      type: z.literal('file'),
      filename: z.string().min(1).max(255),
      contentBase64: z.string().min(1, 'must not be empty'),
      kind,
    })
    .strict(),
])

/** A date as a citation prints it: a year, a month or a day (ISO 8601). */
const PUBLISHED_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/

function isRealDate(value: string): boolean {
  const [, year, month = '01', day = '01'] = PUBLISHED_DATE.exec(value) ?? []
  if (!year) return false
  const date = new Date(`${year}-${month}-${day}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(`${year}-${month}-${day}`)
}

/** Blank text clears an optional field; anything else is kept trimmed. */
const optionalText = z
  .string()
  .max(500, 'must be at most 500 characters')
  .nullable()
  .transform((value) => (value === null || value.trim() === '' ? null : value.trim()))
  .optional()

/** `PATCH /api/briefings/:id/sources/:sourceId`: what a citation prints of the source. */
export const correctSourceRequest = z
  .object({
    title: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(500, 'must be at most 500 characters')
      .optional(),
    byline: optionalText,
    publisher: optionalText,
    publishedAt: z
      .string()
      .trim()
      .refine(isRealDate, 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD')
      .nullable()
      .optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'must change at least one field')

/** A source as stored in the briefing, checked by the schema's own validator. */
export const source = z
  .unknown()
  .superRefine((value, ctx) => {
    try {
      assertSource(value)
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) })
    }
  })
  .transform((value) => value as Source)

export const sourceResponse = z.object({ source })
export const sourceListResponse = z.object({ sources: z.array(source) })
/** The server's verdict on each quote block, by quote id. */
export const verificationResponse = z.object({ quotes: z.record(z.string(), z.unknown()) })

export type ImportSourceRequest = z.input<typeof importSourceRequest>
export type CorrectSourceRequest = z.input<typeof correctSourceRequest>
