/** Personal API tokens (`/api/auth/tokens`) for scripts and the CLI. */
import { arrayAt, booleanAt, nullableStringAt, objectAt, stringAt } from './fields'
import { requestJson } from './http'

export interface ApiTokenRecord {
  id: string
  name: string
  /** A read-only token may only read, and opens briefings read-only. */
  readOnly: boolean
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

/** A token just created: `secret` is shown this once and cannot be fetched again. */
export interface CreatedToken extends ApiTokenRecord {
  secret: string
}

const base = '/api/auth/tokens'

export function listTokens(): Promise<ApiTokenRecord[]> {
  return requestJson('GET', base, (body) =>
    arrayAt(objectAt(body, 'tokens'), 'tokens', 'tokens', parseToken),
  )
}

export function createToken(name: string, readOnly: boolean): Promise<CreatedToken> {
  return requestJson(
    'POST',
    base,
    (body) => ({
      ...parseToken(body, 'token'),
      secret: stringAt(objectAt(body, 'token'), 'token', 'token'),
    }),
    { name, readOnly },
  )
}

export function revokeToken(id: string): Promise<void> {
  return requestJson('DELETE', `${base}/${encodeURIComponent(id)}`, () => undefined)
}

function parseToken(value: unknown, what: string): ApiTokenRecord {
  const fields = objectAt(value, what)
  return {
    id: stringAt(fields, 'id', what),
    name: stringAt(fields, 'name', what),
    readOnly: booleanAt(fields, 'readOnly', what),
    createdAt: stringAt(fields, 'createdAt', what),
    lastUsedAt: nullableStringAt(fields, 'lastUsedAt', what),
    revokedAt: nullableStringAt(fields, 'revokedAt', what),
  }
}
