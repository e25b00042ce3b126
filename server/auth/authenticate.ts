/**
 * Who is asking: a browser session (cookie) or an API token (`Authorization: Bearer`).
 * Works on a bare IncomingMessage so the WebSocket upgrade handler uses the same rules as
 * the REST API.
 */
import type { IncomingMessage } from 'node:http'
import type { Stores } from '../store'
import type { User } from '../store/accountStore'
import { type Credential, parseCredentialKey } from './credential'
import { sha256 } from './secrets'

export { type Credential, credentialKey } from './credential'

export const SESSION_COOKIE = 'briefing_session'
/** API tokens carry a prefix so leaked ones are recognisable (and scannable) as ours. */
export const API_TOKEN_PREFIX = 'brf_'

export interface AuthContext {
  user: User
  credential: Credential
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>()
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=')
    if (eq <= 0) continue
    const name = part.slice(0, eq).trim()
    const value = part.slice(eq + 1).trim()
    try {
      cookies.set(name, decodeURIComponent(value))
    } catch {
      // A cookie we cannot decode is not ours; ignore it.
    }
  }
  return cookies
}

export function bearerToken(req: IncomingMessage): string | null {
  const header = req.headers.authorization
  if (!header?.startsWith('Bearer ')) return null
  return header.slice('Bearer '.length).trim() || null
}

export class Authenticator {
  constructor(
    private readonly stores: Stores,
    private readonly now: () => Date,
  ) {}

  /** The caller's identity, or null when there is no valid credential. */
  async fromRequest(req: IncomingMessage): Promise<AuthContext | null> {
    const bearer = bearerToken(req)
    if (bearer) return this.fromApiToken(bearer)
    const cookie = parseCookies(req.headers.cookie).get(SESSION_COOKIE)
    return cookie ? this.fromSessionCookie(cookie) : null
  }

  async fromSessionCookie(value: string): Promise<AuthContext | null> {
    const sessionHash = sha256(value)
    const session = await this.stores.users.getSession(sessionHash)
    if (!session) return null
    if (session.expiresAt <= this.now().toISOString()) {
      await this.stores.users.deleteSession(sessionHash)
      return null
    }
    const user = await this.stores.users.get(session.userId)
    return user ? { user, credential: { kind: 'session', sessionHash } } : null
  }

  async fromApiToken(value: string): Promise<AuthContext | null> {
    if (!value.startsWith(API_TOKEN_PREFIX)) return null
    const token = await this.stores.users.getTokenByHash(sha256(value))
    if (!token || token.revokedAt) return null
    const user = await this.stores.users.get(token.userId)
    if (!user) return null
    await this.stores.users.touchToken(token.id, this.now().toISOString())
    return { user, credential: { kind: 'token', tokenId: token.id, readOnly: token.readOnly } }
  }

  /**
   * The credential named by `credentialKey` if it is still valid (for collab tokens): null
   * when it has ended or the key names none, else the credential itself.
   */
  async credentialState(key: string, userId: string): Promise<Credential | null> {
    const ref = parseCredentialKey(key)
    if (!ref) return null
    switch (ref.kind) {
      case 'session': {
        const session = await this.stores.users.getSession(ref.sessionHash)
        const alive =
          !!session && session.userId === userId && session.expiresAt > this.now().toISOString()
        return alive ? ref : null
      }
      case 'token': {
        const tokens = await this.stores.users.listTokens(userId)
        const token = tokens.find((t) => t.id === ref.tokenId && !t.revokedAt)
        return token ? { ...ref, readOnly: token.readOnly } : null
      }
      default: {
        const unreachable: never = ref
        throw new Error(`unhandled credential ${JSON.stringify(unreachable)}`)
      }
    }
  }
}
