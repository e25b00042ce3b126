/**
 * Accounts: registration, sign-in and sessions, the own account (name, password) and personal
 * API tokens. Cookies, the per-IP limit and the sign-in backoff's cookie stay at the HTTP edge
 * (server/http/routes/auth.ts); the backoff itself is handed in as `SignInChecks`.
 */
import { randomUUID } from 'node:crypto'
import { API_TOKEN_PREFIX, type Credential, credentialKey } from '../auth/authenticate'
import { inviteStatus } from '../auth/inviteStatus'
import { randomToken, sha256 } from '../auth/secrets'
import type { ApiToken, Team, User } from '../store/accountStore'
import { auditEveryTeam, recordAudit } from './audit'
import { type Actor, inTransaction, type ServiceDeps, type TxStores } from './deps'
import { notFoundError, ServiceError } from './errors'

/** How long a sign-in lasts. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60_000
export const OPEN_REGISTRATION_SETTING = 'open_registration'

/**
 * The sign-in backoff around one password check: `admit` counts the attempt before the
 * password is checked (and throws while the caller must wait), `succeeded` resets it.
 */
export interface SignInChecks {
  admit(userId: string | undefined): Promise<void>
  succeeded(): Promise<void>
}

export interface Registration {
  email: string
  name: string
  password: string
  inviteToken?: string
}

/** What `GET /api/auth/me` answers, and sign-in, registration and renaming with it. */
export interface Me {
  user: User
  teams: Array<Team & { role: 'admin' | 'member' }>
}

export class AccountsService {
  constructor(private readonly deps: ServiceDeps) {}

  async registrationOpen(): Promise<boolean> {
    return (await this.deps.stores.settings.get(OPEN_REGISTRATION_SETTING)) !== 'false'
  }

  async config(): Promise<{ openRegistration: boolean; hasUsers: boolean }> {
    return {
      openRegistration: await this.registrationOpen(),
      hasUsers: (await this.deps.stores.users.count()) > 0,
    }
  }

  async me(user: User): Promise<Me> {
    return { user, teams: await this.deps.stores.teams.listForUser(user.id) }
  }

  /**
   * Creates the account, its personal team and, with a valid invite for its e-mail, its
   * membership of the invite's team, in one transaction. The first account is the instance
   * admin; when registration is closed only an invite admits anyone else.
   */
  async register(input: Registration, ip: string | null): Promise<User> {
    const { stores, passwords } = this.deps
    const passwordHash = await passwords.hash(input.password)
    const now = this.deps.now().toISOString()
    const open = await this.registrationOpen()
    const inviteHash = input.inviteToken ? sha256(input.inviteToken) : null
    const invite = inviteHash ? await stores.teams.getInvite(inviteHash) : undefined
    const inviteValid =
      !!invite && inviteStatus(invite, now) === 'pending' && invite.email === input.email
    if (await stores.users.getByEmail(input.email)) {
      throw new ServiceError(
        'conflict',
        'email_taken',
        'an account with this e-mail already exists',
        'email',
      )
    }
    const user = await inTransaction(stores, async (tx) => {
      const isFirst = (await tx.users.count()) === 0
      if (!isFirst && !open && !inviteValid) throw inviteOnly()
      const created: User = {
        id: randomUUID(),
        email: input.email,
        name: input.name,
        isAdmin: isFirst,
        createdAt: now,
      }
      await tx.users.create({ ...created, passwordHash })
      const personal = { id: randomUUID(), name: `${input.name}'s briefings`, personal: true }
      await tx.teams.create({ ...personal, createdAt: now })
      await tx.teams.setMember(personal.id, created.id, 'admin', now)
      if (invite && inviteValid && inviteHash) {
        // Revoked since it was read: it admits nobody, and alone cannot open registration.
        if (!(await claimInvite(tx, inviteHash, created.id, now))) {
          if (!isFirst && !open) throw inviteOnly()
          return created
        }
        await tx.teams.setMember(invite.teamId, created.id, invite.role, now)
      }
      return created
    })
    await auditEveryTeam(this.deps, { actorId: user.id, ip }, user.id, {
      action: 'user.registered',
      target: user.id,
    })
    return user
  }

  /**
   * Checks an e-mail and password under the sign-in backoff and returns the account. A wrong
   * pair is audited (in the account's teams, or instance-wide for an unknown e-mail).
   */
  async signIn(
    credentials: { email: string; password: string },
    checks: SignInChecks,
    ip: string | null,
  ): Promise<User> {
    const { stores, passwords } = this.deps
    const user = await stores.users.getByEmail(credentials.email)
    // Counted before the password is checked, so racing guesses cannot outrun the backoff.
    await checks.admit(user?.id)
    // Verify against a dummy hash for unknown e-mails so timing does not reveal accounts.
    const check = await passwords.verify(
      credentials.password,
      user?.passwordHash ?? (await passwords.dummyHash()),
    )
    if (!user || !check.ok) {
      const details = { email: credentials.email }
      const by = { actorId: null, ip }
      const teams = user ? await stores.teams.listForUser(user.id) : []
      if (teams.length === 0)
        await recordAudit(this.deps, by, { teamId: null, action: 'auth.login_failed', details })
      for (const team of teams) {
        const entry = { teamId: team.id, action: 'auth.login_failed', target: user?.id, details }
        await recordAudit(this.deps, by, entry)
      }
      throw new ServiceError('unauthenticated', 'bad_credentials', 'e-mail or password is wrong')
    }
    await checks.succeeded()
    if (check.stale) {
      // Hashed at an older, cheaper cost: the password is at hand now, so store it stronger.
      const to = await passwords.hash(credentials.password)
      await stores.users.upgradePasswordHash(user.id, { from: user.passwordHash, to })
    }
    const { passwordHash: _, ...publicUser } = user
    return publicUser
  }

  /** Audits a sign-in that has its session. */
  async signedIn(user: User, ip: string | null): Promise<void> {
    await auditEveryTeam(this.deps, { actorId: user.id, ip }, user.id, {
      action: 'auth.login',
      target: user.id,
    })
  }

  /**
   * Starts a session for `user` and returns the cookie value (only its digest is stored).
   * Rotation: the session the browser had, if any, ends first, sockets included.
   */
  async startSession(user: User, previous: Credential | undefined): Promise<string> {
    if (previous?.kind === 'session') await this.endSession(previous)
    const value = randomToken()
    const now = this.deps.now()
    await this.deps.stores.users.createSession({
      idHash: sha256(value),
      userId: user.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    })
    return value
  }

  /** Signs out: the session goes, and so do the sockets opened with it. */
  async endSession(credential: Credential | undefined): Promise<void> {
    if (credential?.kind !== 'session') return
    await this.deps.stores.users.deleteSession(credential.sessionHash)
    await this.credentialEnded(credential)
  }

  async rename(actor: Actor, name: string): Promise<Me> {
    const { user } = actor.auth
    if (name !== user.name) {
      // The account can only be gone if it was deleted between authenticating and now.
      if (!(await this.deps.stores.users.setName(user.id, name))) throw notFoundError('user')
      await auditEveryTeam(this.deps, this.by(actor), user.id, {
        action: 'auth.name_changed',
        target: user.id,
        details: { from: user.name, to: name },
      })
    }
    return this.me({ ...user, name })
  }

  /** Throws unless the caller may change the password: a leaked API token must not. */
  mayChangePassword(actor: Actor): void {
    if (actor.auth.credential.kind !== 'session') {
      throw sessionRequired(PASSWORD_NEEDS_SESSION)
    }
  }

  /**
   * Changes the password after checking the current one under the sign-in backoff, so a
   * stolen session cannot guess it here faster than at the sign-in form. Every other session
   * of the user ends, sockets included; this one stays.
   */
  async changePassword(
    actor: Actor,
    change: { currentPassword: string; newPassword: string },
    checks: SignInChecks,
  ): Promise<void> {
    const { user, credential } = actor.auth
    // A leaked API token must not be able to lock its owner out of their account.
    if (credential.kind !== 'session') throw sessionRequired(PASSWORD_NEEDS_SESSION)
    await checks.admit(user.id)
    const { stores, passwords } = this.deps
    const stored = (await stores.users.getByEmail(user.email))?.passwordHash
    if (!stored || !(await passwords.verify(change.currentPassword, stored)).ok) {
      await auditEveryTeam(this.deps, this.by(actor), user.id, {
        action: 'auth.password_change_failed',
        target: user.id,
      })
      throw new ServiceError(
        'unauthenticated',
        'bad_credentials',
        'the current password is wrong',
        'currentPassword',
      )
    }
    await checks.succeeded()
    const ended = await stores.users.changePassword(user.id, {
      from: stored,
      to: await passwords.hash(change.newPassword),
      keepSession: credential.sessionHash,
    })
    if (!ended) {
      throw new ServiceError(
        'conflict',
        'password_changed',
        'the password was changed meanwhile; try again',
      )
    }
    for (const sessionHash of ended) await this.credentialEnded({ kind: 'session', sessionHash })
    await auditEveryTeam(this.deps, this.by(actor), user.id, {
      action: 'auth.password_changed',
      target: user.id,
      details: { endedSessions: ended.length },
    })
  }

  listTokens(actor: Actor): Promise<ApiToken[]> {
    return this.deps.stores.users.listTokens(actor.auth.user.id)
  }

  /** Throws unless the caller may create API tokens: only from a browser session. */
  mayCreateToken(actor: Actor): void {
    if (actor.auth.credential.kind !== 'session') {
      throw sessionRequired('API tokens are created from a signed-in browser session')
    }
  }

  /** Creates a personal API token; its secret is returned this once, only its hash is kept. */
  async createToken(
    actor: Actor,
    input: { name: string; readOnly: boolean },
  ): Promise<ApiToken & { token: string }> {
    this.mayCreateToken(actor)
    const secret = randomToken(API_TOKEN_PREFIX)
    const token: ApiToken = {
      id: randomUUID(),
      userId: actor.auth.user.id,
      name: input.name,
      readOnly: input.readOnly,
      createdAt: this.deps.now().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    }
    await this.deps.stores.users.createToken({ ...token, tokenHash: sha256(secret) })
    return { ...token, token: secret }
  }

  /** Revokes one of the caller's tokens; sockets opened with it close at once. */
  async revokeToken(actor: Actor, id: string): Promise<void> {
    const now = this.deps.now().toISOString()
    if (!(await this.deps.stores.users.revokeToken(id, actor.auth.user.id, now))) {
      throw notFoundError('token')
    }
    await this.credentialEnded({ kind: 'token', tokenId: id, readOnly: false })
  }

  private credentialEnded(credential: Credential): Promise<void> {
    return this.deps.events.publish({
      type: 'access-changed',
      change: { kind: 'credential', key: credentialKey(credential) },
    })
  }

  private by(actor: Actor) {
    return { actorId: actor.auth.user.id, ip: actor.ip }
  }
}

/** Marks the invite used by `userId`; false when it was used or revoked meanwhile. */
function claimInvite(tx: TxStores, tokenHash: string, userId: string, now: string) {
  // biome-ignore lint/correctness/useHookAtTopLevel: a store method named use…, not a React hook
  return tx.teams.useInvite(tokenHash, userId, now)
}

const PASSWORD_NEEDS_SESSION = 'the password is changed from a signed-in browser session'

function inviteOnly(): ServiceError {
  return new ServiceError('forbidden', 'invite_only', 'registration is by invitation only')
}

function sessionRequired(message: string): ServiceError {
  return new ServiceError('forbidden', 'session_required', message)
}
