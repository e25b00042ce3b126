/**
 * Briefings: listing, creating, renaming and deleting them, their shares and team role, their
 * content, and collab tokens. Deleting one is coordinated here: the `briefing-deleted` event
 * closes its sockets with "not found" on every instance before its stored updates go.
 */
import { randomUUID } from 'node:crypto'
import type { BriefingAction, BriefingRole, TeamDefaultRole } from '../../shared/access'
import type { Briefing } from '../../shared/briefing'
import { briefingListView, type ListView } from '../../shared/briefing/listView'
import { isReadOnlyCredential, resolveAccess } from '../auth/access'
import { credentialKey } from '../auth/authenticate'
import { COLLAB_TOKEN_TTL_MS, mintCollabToken } from '../auth/collabToken'
import { readDocument } from '../collab/readDocument'
import { readDocumentBody } from '../content/render'
import { errorField } from '../log/logger'
import type { BriefingRecord } from '../store/briefingStore'
import { recordAudit } from './audit'
import { type Actor, inTransaction, type ServiceDeps } from './deps'
import { notFoundError, ServiceError } from './errors'

/** The list as it always was: everything the caller may see, last edited first. */
const DEFAULT_VIEW: ListView = { sort: 'updated', show: 'all' }

const withRole = (record: BriefingRecord, role: BriefingRole): Briefing => ({ ...record, role })

export class BriefingsService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Every briefing the caller may see, each with their role on it, in `view`'s order. */
  async list(actor: Actor, view: ListView = DEFAULT_VIEW): Promise<Briefing[]> {
    const briefings: Briefing[] = []
    const teamIds = new Set<string>()
    // One query: each row already carries the caller's membership and share.
    for (const row of await this.deps.stores.briefings.listForUser(actor.auth.user.id)) {
      if (row.memberRole) teamIds.add(row.teamId)
      const access = resolveAccess(row, isReadOnlyCredential(actor.auth))
      if (access) briefings.push(withRole(row, access.role))
    }
    return briefingListView(briefings, view, { userId: actor.auth.user.id, teamIds })
  }

  /**
   * Creates a briefing in one of the caller's teams (their personal team by default), with the
   * creator's owner share, in one transaction. The share is held through membership: the team
   * owns its briefings, not whoever created one.
   */
  async create(
    actor: Actor,
    input: { title: string; teamId?: string; teamRole: TeamDefaultRole },
  ): Promise<Briefing> {
    const { user } = actor.auth
    const teams = await this.deps.stores.teams.listForUser(user.id)
    const team = input.teamId
      ? teams.find((t) => t.id === input.teamId)
      : teams.find((t) => t.personal)
    if (!team) throw notFoundError('team', 'teamId')
    const now = this.deps.now().toISOString()
    const record = await inTransaction(this.deps.stores, async (tx) => {
      const created = await tx.briefings.create({
        id: randomUUID(),
        teamId: team.id,
        title: input.title,
        teamRole: input.teamRole,
        createdBy: user.id,
        createdAt: now,
      })
      await tx.briefings.setShare(created.id, user.id, 'owner', 'created')
      return created
    })
    await this.indexTitle(record.id)
    await this.audit(actor, team.id, 'briefing.created', record.id)
    return withRole(record, 'owner')
  }

  /**
   * Throws unless the caller may do `action` with the briefing (404 when they cannot see it).
   * Routes call it before reading a body, so validation tells outsiders nothing.
   */
  async may(actor: Actor, id: string, action: BriefingAction): Promise<void> {
    await this.deps.access.require(actor.auth, id, action)
  }

  async get(actor: Actor, id: string): Promise<Briefing> {
    const { briefing, role } = await this.deps.access.require(actor.auth, id, 'read')
    return withRole(briefing, role)
  }

  /** Renames it (rename) and/or sets what the team may do with it (share). */
  async update(
    actor: Actor,
    id: string,
    patch: { title?: string; teamRole?: TeamDefaultRole },
  ): Promise<Briefing> {
    const { access, stores } = this.deps
    const needs = patch.teamRole ? 'share' : 'rename'
    const { briefing, role } = await access.require(actor.auth, id, needs)
    if (patch.title !== undefined) await access.require(actor.auth, briefing.id, 'rename')
    const now = this.deps.now().toISOString()
    const updated = await stores.briefings.update(briefing.id, { ...patch, now })
    if (!updated) throw notFoundError('briefing')
    if (patch.title !== undefined) await this.indexTitle(updated.id)
    if (patch.teamRole && patch.teamRole !== briefing.teamRole) {
      await this.audit(actor, briefing.teamId, 'briefing.team_role_changed', briefing.id, {
        from: briefing.teamRole,
        to: patch.teamRole,
      })
      await this.accessChanged(briefing.id)
    }
    return withRole(updated, role)
  }

  /**
   * Deletes the briefing: metadata first, so no new connection can open it while its rooms
   * close; then the `briefing-deleted` event closes them (here and on the other instances,
   * with 4404) after the writes they already accepted; then the stored updates go.
   */
  async delete(actor: Actor, id: string): Promise<void> {
    const { access, stores, events } = this.deps
    const { briefing } = await access.require(actor.auth, id, 'delete')
    if (!(await stores.briefings.delete(briefing.id))) throw notFoundError('briefing')
    await events.publish({ type: 'briefing-deleted', id: briefing.id })
    await stores.documents.delete(briefing.id)
    await stores.versions.deleteAll(briefing.id)
    await this.audit(actor, briefing.teamId, 'briefing.deleted', briefing.id, {
      title: briefing.title,
    })
  }

  /**
   * The briefing's current document read through the schema, loaded or not, with the parts
   * a reader cannot show left out and named.
   */
  async content(actor: Actor, id: string) {
    const { briefing } = await this.deps.access.require(actor.auth, id, 'read')
    const { registry, stores, schema } = this.deps
    return readDocument(registry, stores.documents, briefing.id, (doc) =>
      readDocumentBody(doc, schema),
    )
  }

  async shares(actor: Actor, id: string) {
    const { briefing } = await this.deps.access.require(actor.auth, id, 'read')
    return {
      teamId: briefing.teamId,
      teamRole: briefing.teamRole,
      shares: await this.deps.stores.briefings.listShares(briefing.id),
    }
  }

  /** Gives the person with `email` a role on it, taking effect on open sockets at once. */
  async share(actor: Actor, id: string, input: { email: string; role: BriefingRole }) {
    const { access, stores } = this.deps
    const { briefing } = await access.require(actor.auth, id, 'share')
    const user = await stores.users.getByEmail(input.email)
    if (!user) {
      throw new ServiceError(
        'not_found',
        'no_account',
        'nobody has an account with that e-mail; invite them to the team first',
        'email',
      )
    }
    await stores.briefings.setShare(briefing.id, user.id, input.role, 'granted')
    await this.audit(actor, briefing.teamId, 'briefing.shared', briefing.id, {
      userId: user.id,
      role: input.role,
    })
    await this.accessChanged(briefing.id)
    return { userId: user.id, email: user.email, name: user.name, role: input.role }
  }

  async unshare(actor: Actor, id: string, userId: string): Promise<void> {
    const { access, stores } = this.deps
    const { briefing } = await access.require(actor.auth, id, 'share')
    if (!(await stores.briefings.removeShare(briefing.id, userId))) throw notFoundError('share')
    await this.audit(actor, briefing.teamId, 'briefing.unshared', briefing.id, { userId })
    await this.accessChanged(briefing.id)
  }

  /** A short-lived token for `?token=` on the WebSocket, bound to the caller's credential. */
  async collabToken(actor: Actor, id: string) {
    const { auth } = actor
    const { briefing, role } = await this.deps.access.require(auth, id, 'read')
    const expiresAt = this.deps.now().getTime() + COLLAB_TOKEN_TTL_MS
    const token = mintCollabToken(this.deps.collabSecret, {
      u: auth.user.id,
      b: briefing.id,
      r: role,
      exp: expiresAt,
      via: credentialKey(auth.credential),
    })
    return { token, expiresAt: new Date(expiresAt).toISOString(), role }
  }

  /**
   * Indexes the briefing's title for search. The index is derived data (rebuilt by
   * `briefing reindex`), so a failure to write it is logged; the rename itself stands.
   */
  private async indexTitle(id: string): Promise<void> {
    await this.deps.stores.search.indexTitle(id).catch((err) => {
      this.deps.log.warn('could not index a briefing title', { room: id, error: errorField(err) })
    })
  }

  private accessChanged(id: string): Promise<void> {
    return this.deps.events.publish({ type: 'access-changed', change: { kind: 'briefing', id } })
  }

  private audit(
    actor: Actor,
    teamId: string,
    action: string,
    target: string,
    details?: Record<string, unknown>,
  ): Promise<void> {
    const by = { actorId: actor.auth.user.id, ip: actor.ip }
    return recordAudit(this.deps, by, { teamId, action, target, details })
  }
}
