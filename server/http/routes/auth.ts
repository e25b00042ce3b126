/**
 * REST: registration, sign-in and sign-out, the current user, and personal API tokens. Changes
 * to one's own account are in account.ts, which shares this router's sign-in throttle.
 */
import { randomUUID } from 'node:crypto'
import { type Request, type Response, Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import { z } from 'zod'
import { API_TOKEN_PREFIX, credentialKey, SESSION_COOKIE } from '../../auth/authenticate'
import { inviteStatus } from '../../auth/inviteStatus'
import { LoginThrottle } from '../../auth/loginThrottle'
import { randomToken, sha256 } from '../../auth/secrets'
import type { User } from '../../store/accountStore'
import { type AppContext, audit, authOf } from '../context'
import { HttpError } from '../errors'
import { requireAuth } from '../middleware/authentication'
import { parseInput } from '../validate'
import { accountRouter, meBody } from './account'
import { displayNameField, emailField, givenPasswordField, newPasswordField } from './accountFields'
import { SignInGate } from './signInBackoff'

/** How long a sign-in lasts. */
export const SESSION_TTL_MS = 7 * 24 * 60 * 60_000
export const OPEN_REGISTRATION_SETTING = 'open_registration'

const registerBody = z
  .object({
    email: emailField,
    name: displayNameField,
    password: newPasswordField,
    inviteToken: z.string().max(200).optional(),
  })
  .strict()
const loginBody = z.object({ email: emailField, password: givenPasswordField }).strict()
const tokenBody = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(100),
    readOnly: z.boolean().default(false),
  })
  .strict()

export function authRouter(ctx: AppContext): Router {
  const router = Router()
  const now = () => ctx.now().getTime()
  const gate = new SignInGate(
    new LoginThrottle(ctx.stores.loginFailures, now),
    ctx.deviceSecret,
    now,
  )
  // Per-IP volume cap on credential endpoints; the per-account backoff is the SignInGate.
  const credentialLimit = rateLimit({
    windowMs: 15 * 60_000,
    limit: ctx.limits.authPer15Minutes,
    skip: () => ctx.limits.authPer15Minutes === 0,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => {
      res
        .status(429)
        .json({ error: { code: 'rate_limited', message: 'too many attempts; try again later' } })
    },
  })

  const startSession = async (req: Request, res: Response, user: User) => {
    // Rotation: whatever session the browser had is ended; sign-in always gets a new id.
    const previous = req.headers.cookie && res.locals.auth?.credential
    if (previous?.kind === 'session') {
      await ctx.stores.users.deleteSession(previous.sessionHash)
      // Like signing out: sockets opened with the ended session must not outlive it.
      await ctx.broadcastAccessChange({ kind: 'credential', key: credentialKey(previous) })
    }
    const value = randomToken()
    const now = ctx.now()
    await ctx.stores.users.createSession({
      idHash: sha256(value),
      userId: user.id,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
    })
    res.cookie(SESSION_COOKIE, value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
      maxAge: SESSION_TTL_MS,
    })
    gate.rememberDevice(req, res, user.id)
  }

  const me = (user: User) => meBody(ctx, user)

  router.post('/register', credentialLimit, async (req, res) => {
    const body = parseInput(registerBody, req.body, 'body')
    const passwordHash = await ctx.passwords.hash(body.password)
    const now = ctx.now().toISOString()
    const open = (await ctx.stores.settings.get(OPEN_REGISTRATION_SETTING)) !== 'false'
    const invite = body.inviteToken
      ? await ctx.stores.teams.getInvite(sha256(body.inviteToken))
      : undefined
    const inviteValid =
      !!invite && inviteStatus(invite, now) === 'pending' && invite.email === body.email
    if (await ctx.stores.users.getByEmail(body.email)) {
      throw new HttpError(409, 'email_taken', 'an account with this e-mail already exists', 'email')
    }
    // Inside the transaction only `tx` may be used: the store clients wait for it to end.
    const user = await ctx.stores.sql.transaction(async (tx) => {
      const count = (await tx.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM users'))?.n
      const isFirst = Number(count) === 0
      if (!isFirst && !open && !inviteValid) {
        throw new HttpError(403, 'invite_only', 'registration is by invitation only')
      }
      const created: User = {
        id: randomUUID(),
        email: body.email,
        name: body.name,
        isAdmin: isFirst,
        createdAt: now,
      }
      await tx.run(
        'INSERT INTO users (id, email, name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?)',
        [created.id, created.email, created.name, passwordHash, isFirst ? 1 : 0, now],
      )
      const teamId = randomUUID()
      await tx.run('INSERT INTO teams (id, name, personal, created_at) VALUES (?, ?, 1, ?)', [
        teamId,
        `${body.name}'s briefings`,
        now,
      ])
      await tx.run(
        'INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)',
        [teamId, created.id, 'admin', now],
      )
      if (invite && inviteValid && body.inviteToken) {
        const claimed = await tx.run(
          `UPDATE invites SET used_at = ?, used_by = ?
           WHERE token_hash = ? AND used_at IS NULL AND revoked_at IS NULL`,
          [now, created.id, sha256(body.inviteToken)],
        )
        // Revoked since it was read: it admits nobody, and alone cannot open registration.
        if (claimed.changes === 0) {
          if (!isFirst && !open) {
            throw new HttpError(403, 'invite_only', 'registration is by invitation only')
          }
          return created
        }
        await tx.run(
          `INSERT INTO team_members (team_id, user_id, role, joined_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (team_id, user_id) DO NOTHING`,
          [invite.teamId, created.id, invite.role, now],
        )
      }
      return created
    })
    await startSession(req, res, user)
    for (const team of await ctx.stores.teams.listForUser(user.id)) {
      await audit(ctx, req, {
        teamId: team.id,
        action: 'user.registered',
        target: user.id,
        actorId: user.id,
      })
    }
    res.status(201).json(await me(user))
  })

  router.post('/login', credentialLimit, async (req, res) => {
    const body = parseInput(loginBody, req.body, 'body')
    const user = await ctx.stores.users.getByEmail(body.email)
    // Counted before the password is checked, so racing guesses cannot outrun the backoff.
    const attempt = await gate.admit(req, res, body.email, user?.id, 'failed sign-ins')
    // Verify against a dummy hash for unknown e-mails so timing does not reveal accounts.
    const check = await ctx.passwords.verify(
      body.password,
      user?.passwordHash ?? (await ctx.passwords.dummyHash()),
    )
    if (!user || !check.ok) {
      const teams = user ? await ctx.stores.teams.listForUser(user.id) : []
      const details = { email: body.email }
      if (teams.length === 0)
        await audit(ctx, req, { teamId: null, action: 'auth.login_failed', details, actorId: null })
      for (const team of teams) {
        await audit(ctx, req, {
          teamId: team.id,
          action: 'auth.login_failed',
          target: user?.id,
          details,
          actorId: null,
        })
      }
      throw new HttpError(401, 'bad_credentials', 'e-mail or password is wrong')
    }
    await gate.succeeded(attempt)
    if (check.stale) {
      // Hashed at an older, cheaper cost: the password is at hand now, so store it stronger.
      const to = await ctx.passwords.hash(body.password)
      await ctx.stores.users.upgradePasswordHash(user.id, { from: user.passwordHash, to })
    }
    const { passwordHash: _, ...publicUser } = user
    await startSession(req, res, publicUser)
    for (const team of await ctx.stores.teams.listForUser(user.id)) {
      await audit(ctx, req, {
        teamId: team.id,
        action: 'auth.login',
        target: user.id,
        actorId: user.id,
      })
    }
    res.json(await me(publicUser))
  })

  router.post('/logout', async (_req, res) => {
    const credential = res.locals.auth?.credential
    if (credential?.kind === 'session') {
      await ctx.stores.users.deleteSession(credential.sessionHash)
      await ctx.broadcastAccessChange({ kind: 'credential', key: credentialKey(credential) })
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' })
    res.status(204).end()
  })

  /** Public: what the sign-up page needs to know before anyone signs in. */
  router.get('/config', async (_req, res) => {
    const open = (await ctx.stores.settings.get(OPEN_REGISTRATION_SETTING)) !== 'false'
    res.json({ openRegistration: open, hasUsers: (await ctx.stores.users.count()) > 0 })
  })

  router.get('/me', requireAuth, async (_req, res) => {
    res.json(await me(authOf(res).user))
  })
  router.use(accountRouter(ctx, { gate, credentialLimit }))

  router.get('/tokens', requireAuth, async (_req, res) => {
    res.json({ tokens: await ctx.stores.users.listTokens(authOf(res).user.id) })
  })

  router.post('/tokens', requireAuth, async (req, res) => {
    const auth = authOf(res)
    if (auth.credential.kind !== 'session') {
      throw new HttpError(
        403,
        'session_required',
        'API tokens are created from a signed-in browser session',
      )
    }
    const body = parseInput(tokenBody, req.body, 'body')
    const secret = randomToken(API_TOKEN_PREFIX)
    const token = {
      id: randomUUID(),
      userId: auth.user.id,
      name: body.name,
      readOnly: body.readOnly,
      createdAt: ctx.now().toISOString(),
      lastUsedAt: null,
      revokedAt: null,
    }
    await ctx.stores.users.createToken({ ...token, tokenHash: sha256(secret) })
    // The secret is shown once; only its hash is kept.
    res.status(201).json({ ...token, token: secret })
  })

  router.delete('/tokens/:id', requireAuth, async (req, res) => {
    const auth = authOf(res)
    if (
      !(await ctx.stores.users.revokeToken(
        req.params.id as string,
        auth.user.id,
        ctx.now().toISOString(),
      ))
    ) {
      throw new HttpError(404, 'not_found', 'token not found')
    }
    await ctx.broadcastAccessChange({ kind: 'credential', key: `t:${req.params.id}` })
    res.status(204).end()
  })

  return router
}
