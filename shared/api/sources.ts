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
