/**
 * Versions of a briefing: the history list, named versions, reading and comparing them, and
 * restoring one. Anyone who can read a briefing reads its history; only those who can write
 * it name, restore or delete versions. Automatic versions (a settled burst of editing, an
 * export, just before and after a restore) are made here too, and each new version thins out
 * the briefing's older automatic ones (shared/versions/retention.ts).
 */
import { Node as PMNode } from '@tiptap/pm/model'
import type { VersionAuthor, VersionKind } from '../../shared/api/versions'
import { type DocumentDiff, diffDocuments, type NodeJSON } from '../../shared/versions/diff'
import { versionsToThin } from '../../shared/versions/retention'
import { readDocument } from '../collab/readDocument'
import { readDocumentBody } from '../content/render'
import type { VersionRecord } from '../store/versionStore'
import { restoreVersion } from '../versions/restore'
import { type Snapshot, snapshotOf, withVersionDoc } from '../versions/snapshot'
import { recordAudit } from './audit'
import type { Actor, ServiceDeps } from './deps'
import { notFoundError } from './errors'

/** What compare answers: the two versions and the structural diff from the first to the second. */
export interface Comparison extends DocumentDiff {
  from: VersionRecord
  to: VersionRecord | null
}

export class VersionsService {
  constructor(private readonly deps: ServiceDeps) {}

  async list(actor: Actor, briefingId: string): Promise<VersionRecord[]> {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'read')
    return this.deps.stores.versions.list(briefing.id)
  }

  /**
   * Saves the current document as a version named `name`. When the document has not changed
   * since a version was made, that version is the one named: a state is one version.
   */
  async save(actor: Actor, briefingId: string, name: string): Promise<VersionRecord> {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'write')
    const snapshot = await this.current(briefing.id)
    const version =
      (await this.store(briefing.id, snapshot, 'manual', { name })) ??
      (await this.deps.stores.versions.rename(briefing.id, snapshot.id, name))
    if (!version) throw notFoundError('version')
    await this.audit(actor, briefing.teamId, 'briefing.version_saved', briefing.id, {
      version: version.id,
      name,
    })
    return version
  }

  /** Names a version, or takes its name away (`null`). */
  async rename(
    actor: Actor,
    briefingId: string,
    versionId: string,
    name: string | null,
  ): Promise<VersionRecord> {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'write')
    const version = await this.deps.stores.versions.rename(briefing.id, versionId, name)
    if (!version) throw notFoundError('version', 'versionId')
    await this.audit(actor, briefing.teamId, 'briefing.version_renamed', briefing.id, {
      version: versionId,
      name,
    })
    return version
  }

  async delete(actor: Actor, briefingId: string, versionId: string): Promise<void> {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'write')
    if ((await this.deps.stores.versions.delete(briefing.id, [versionId])) === 0) {
      throw notFoundError('version', 'versionId')
    }
    await this.audit(actor, briefing.teamId, 'briefing.version_deleted', briefing.id, {
      version: versionId,
    })
  }

  /** The version's body as a ProseMirror node of the schema. */
  async content(actor: Actor, briefingId: string, versionId: string): Promise<PMNode> {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'read')
    const version = await this.deps.stores.versions.get(briefing.id, versionId)
    if (!version) throw notFoundError('version', 'versionId')
    try {
      return PMNode.fromJSON(this.deps.schema, version.content)
    } catch {
      // JSON written under an older schema; the Yjs state reads through today's schema,
      // leaving out (as /content does) what no longer fits.
      return withVersionDoc(version.state, (doc) => readDocumentBody(doc, this.deps.schema).node)
    }
  }

  /** The stored state of a version, for export (the caller has checked 'export'). */
  async stateOf(briefingId: string, versionId: string): Promise<Uint8Array> {
    const version = await this.deps.stores.versions.get(briefingId, versionId)
    if (!version) throw notFoundError('version', 'version')
    return version.state
  }

  /** Compares version `fromId` with version `toId`, or with the document now (`current`). */
  async compare(
    actor: Actor,
    briefingId: string,
    fromId: string,
    toId: string,
  ): Promise<Comparison> {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'read')
    const { versions } = this.deps.stores
    const from = await versions.get(briefing.id, fromId)
    if (!from) throw notFoundError('version', 'from')
    let to: Awaited<ReturnType<typeof versions.get>> | null = null
    let toContent: unknown
    if (toId === 'current') {
      toContent = (await this.current(briefing.id)).content
    } else {
      to = await versions.get(briefing.id, toId)
      if (!to) throw notFoundError('version', 'to')
      toContent = to.content
    }
    const diff = diffDocuments(from.content as NodeJSON, toContent as NodeJSON)
    return { from: recordOf(from), to: to && recordOf(to), ...diff }
  }

  /**
   * Makes the document equal to version `versionId` for everyone connected, as a forward
   * edit through the live room. The document just before becomes a version (returned: it
   * is how the restore is undone), and so does the document the restore made.
   */
  async restore(actor: Actor, briefingId: string, versionId: string): Promise<VersionRecord> {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'write')
    const target = await this.deps.stores.versions.get(briefing.id, versionId)
    if (!target) throw notFoundError('version', 'versionId')
    let saved: VersionRecord | undefined
    const { after } = await restoreVersion(
      this.deps.registry,
      briefing.id,
      target.state,
      this.deps.schema,
      async (before) => {
        saved = await this.record(briefing.id, before, 'before-restore')
      },
    )
    if (!saved) throw new Error('the restore kept no version of the document before it')
    await this.store(briefing.id, after, 'restored', {
      restoredFrom: target.id,
      authors: await this.people([actor.auth.user.id]),
    })
    await this.audit(actor, briefing.teamId, 'briefing.version_restored', briefing.id, {
      version: target.id,
      before: saved.id,
      after: after.id,
    })
    return saved
  }

  /** An automatic version of the document now: a settled burst of editing, say. */
  async autoSave(briefingId: string, kind: VersionKind): Promise<VersionRecord | null> {
    // A burst that settles after its briefing was deleted leaves nothing to version.
    if (!(await this.deps.stores.briefings.get(briefingId))) return null
    return this.record(briefingId, await this.current(briefingId), kind)
  }

  /**
   * Records `snapshot` as an automatic version of `kind`, or answers the version that
   * already holds that state.
   */
  async record(briefingId: string, snapshot: Snapshot, kind: VersionKind): Promise<VersionRecord> {
    const made = await this.store(briefingId, snapshot, kind)
    if (made) return made
    const existing = await this.deps.stores.versions.get(briefingId, snapshot.id)
    if (!existing) throw notFoundError('version')
    return recordOf(existing)
  }

  private current(briefingId: string): Promise<Snapshot> {
    const { registry, stores, schema } = this.deps
    return readDocument(registry, stores.documents, briefingId, (doc) => snapshotOf(doc, schema))
  }

  /** Stores a version (undefined when that state already is one) and applies retention. */
  private async store(
    briefingId: string,
    snapshot: Snapshot,
    kind: VersionKind,
    extra: { name?: string; restoredFrom?: string; authors?: VersionAuthor[] } = {},
  ): Promise<VersionRecord | undefined> {
    const { versions } = this.deps.stores
    const authors = extra.authors ?? (await this.people(this.deps.ledger.take(briefingId)))
    const now = this.deps.now()
    const made = await versions.add(briefingId, {
      id: snapshot.id,
      createdAt: now.toISOString(),
      kind,
      name: extra.name ?? null,
      authors,
      restoredFrom: extra.restoredFrom ?? null,
      state: snapshot.state,
      content: snapshot.content,
    })
    if (made) {
      const thin = versionsToThin(await versions.list(briefingId), now)
      if (thin.length > 0) await versions.delete(briefingId, thin)
    }
    return made
  }

  private async people(ids: readonly string[]): Promise<VersionAuthor[]> {
    const people: VersionAuthor[] = []
    for (const id of ids) {
      const user = await this.deps.stores.users.get(id)
      if (user) people.push({ id, name: user.name })
    }
    return people.sort((a, b) => a.name.localeCompare(b.name))
  }

  private audit(
    actor: Actor,
    teamId: string,
    action: string,
    target: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    const by = { actorId: actor.auth.user.id, ip: actor.ip }
    return recordAudit(this.deps, by, { teamId, action, target, details })
  }
}

function recordOf(version: VersionRecord & { state?: unknown; content?: unknown }): VersionRecord {
  const { state: _state, content: _content, ...record } = version
  return record
}
