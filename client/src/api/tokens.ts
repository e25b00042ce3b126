/** Personal API tokens (`/api/auth/tokens`) for scripts and the CLI (shared/api/accounts.ts). */
import {
  type ApiTokenRecord,
  createdTokenResponse,
  tokenListResponse,
} from '../../../shared/api/accounts'
import { parseWith, requestJson } from './http'

export type { ApiTokenRecord } from '../../../shared/api/accounts'

/** A token just created: `secret` is shown this once and cannot be fetched again. */
export interface CreatedToken extends ApiTokenRecord {
  secret: string
}

const base = '/api/auth/tokens'

export async function listTokens(): Promise<ApiTokenRecord[]> {
  return (await requestJson('GET', base, parseWith(tokenListResponse, 'tokens'))).tokens
}

export async function createToken(name: string, readOnly: boolean): Promise<CreatedToken> {
  const created = await requestJson('POST', base, parseWith(createdTokenResponse, 'token'), {
    name,
    readOnly,
  })
  const { token: secret, ...record } = created
  return { ...record, secret }
}

export function revokeToken(id: string): Promise<void> {
  return requestJson('DELETE', `${base}/${encodeURIComponent(id)}`, () => undefined)
}
