/** zod at the HTTP edge: a bad body or query is a 400 that names the field. */
import type { z } from 'zod'
import { HttpError } from './errors'
import { describeIssue } from './zodIssue'

export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  where: 'body' | 'query',
): z.infer<T> {
  const result = schema.safeParse(input ?? {})
  if (result.success) return result.data
  const { field, message } = describeIssue(result.error, where)
  throw new HttpError(400, 'invalid_input', message, field)
}
