/** How a refused zod parse is told to a caller: the field it names and a message naming it. */
import type { z } from 'zod'

export function describeIssue(
  error: z.ZodError,
  where: 'body' | 'query',
): { field: string; message: string } {
  const issue = error.issues[0]!
  // An unknown key is reported on the object holding it; name the key itself.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path
  const field = path.join('.') || where
  return { field, message: `${where} field "${field}": ${issue.message}` }
}
