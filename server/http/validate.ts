/** zod at the HTTP edge: a bad body or query is a 400 that names the field. */
import type { z } from 'zod'
import { HttpError } from './errors'

export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: 'body' | 'query',
): z.infer<T> {
  const result = schema.safeParse(input ?? {})
  if (result.success) return result.data
  const issue = result.error.issues[0]!
  // An unknown key is reported on the object holding it; name the key itself.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path
  const field = path.join('.') || where
  throw new HttpError(400, 'invalid_input', `${where} field "${field}": ${issue.message}`, field)
}
