/**
 * Sources: listing a briefing's sources, adding an imported one to its document (from where
 * it syncs live to every collaborator), and the server's verdict on every quote block. The
 * import itself (fetching, parsing in the import threads) is server/sources/importSource.ts.
 */
import { randomUUID } from 'node:crypto'
import { verifyDocumentQuotes } from '../../shared/quotes'
import {
  addSource,
  createSource,
  listSources,
  type Source,
  type SourceMetadataChanges,
} from '../../shared/sources'
import type { BriefingAccess } from '../auth/access'
import { readDocument } from '../collab/readDocument'
import { addToDocument, editDocument } from '../collab/serverEdit'
import { SourceInUseError, SourceNotFoundError } from '../sources/errors'
import type { ImportResult } from '../sources/importSource'
import { correctSource, removeUnusedSource, sourceWithContent } from '../sources/manage'
import { recordAudit } from './audit'
import type { Actor, ServiceDeps } from './deps'
import { ServiceError } from './errors'

export class SourcesService {
  /** The add in progress per briefing id: the next one for that briefing waits for it. */
  private readonly adding = new Map<string, Promise<void>>()

  constructor(private readonly deps: ServiceDeps) {}

  private async oneAddAtATime(briefingId: string, add: () => Promise<void>): Promise<void> {
    const run = (this.adding.get(briefingId) ?? Promise.resolve()).then(add)
    const settled = run.catch(() => undefined)
    this.adding.set(briefingId, settled)
    try {
      await run
    } finally {
      if (this.adding.get(briefingId) === settled) this.adding.delete(briefingId)
    }
  }

  async list(actor: Actor, briefingId: string): Promise<Source[]> {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'read')
    return readDocument(this.deps.registry, this.deps.stores.documents, briefing.id, listSources)
  }

  /** The briefing, if the caller may add sources to it; checked before anything is imported. */
  mayAdd(actor: Actor, briefingId: string): Promise<BriefingAccess> {
    return this.deps.access.require(actor.auth, briefingId, 'write')
  }

  /** Adds an imported document to the briefing as a new source, and returns the source. */
  async add(
    actor: Actor,
    briefing: BriefingAccess['briefing'],
    imported: ImportResult,
    input: 'text' | 'url' | 'file',
  ): Promise<Source> {
    const source = createSource(imported, {
      id: randomUUID(),
      addedBy: actor.auth.user.name,
      retrievedAt: this.deps.now().toISOString(),
      quotes: imported.quotes,
      people: imported.people,
    })
    // The same text imported again is the source already there, not a second copy. Checked on
    // the live document just before the add, one add per briefing at a time on this instance,
    // so two identical imports racing each other (a double click, a retried request) add one.
    await this.oneAddAtATime(briefing.id, async () => {
      const existing = await readDocument(
        this.deps.registry,
        this.deps.stores.documents,
        briefing.id,
        (doc) => sourceWithContent(doc, source.contentHash),
      )
      if (existing) {
        throw new ServiceError(
          'conflict',
          'duplicate_source',
          `this text is already a source of the briefing${existing.title ? `: “${existing.title}”` : ''}; it was not added again`,
          undefined,
          { existingId: existing.id },
        )
      }
      await addToDocument(this.deps.registry, briefing.id, 'import source', (doc) =>
        addSource(doc, source),
      )
    })
    await recordAudit(
      this.deps,
      { actorId: actor.auth.user.id, ip: actor.ip },
      {
        teamId: briefing.teamId,
        action: 'briefing.source_added',
        target: briefing.id,
        details: { sourceId: source.id, input, url: source.url },
      },
    )
    return source
  }

  /** Corrects what a citation prints of a source: title, byline, publisher, date. */
  async correct(
    actor: Actor,
    briefingId: string,
    sourceId: string,
    changes: SourceMetadataChanges,
  ): Promise<Source> {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'write')
    const source = await editDocument(this.deps.registry, briefing.id, 'correct source', (doc) =>
      correctSource(doc, sourceId, changes),
    ).catch(refuse)
    await recordAudit(
      this.deps,
      { actorId: actor.auth.user.id, ip: actor.ip },
      {
        teamId: briefing.teamId,
        action: 'briefing.source_corrected',
        target: briefing.id,
        details: { sourceId: source.id, fields: Object.keys(changes) },
      },
    )
    return source
  }

  /** Removes a source that no quote block or citation uses; refuses naming the uses otherwise. */
  async remove(actor: Actor, briefingId: string, sourceId: string): Promise<void> {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'write')
    const source = await editDocument(this.deps.registry, briefing.id, 'remove source', (doc) =>
      removeUnusedSource(doc, sourceId),
    ).catch(refuse)
    await recordAudit(
      this.deps,
      { actorId: actor.auth.user.id, ip: actor.ip },
      {
        teamId: briefing.teamId,
        action: 'briefing.source_removed',
        target: briefing.id,
        details: { sourceId: source.id, title: source.title },
      },
    )
  }

  /** The server's own verdict on every quote block, as export will see it. */
  async verification(actor: Actor, briefingId: string) {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'read')
    return readDocument(this.deps.registry, this.deps.stores.documents, briefing.id, (doc) =>
      Object.fromEntries(verifyDocumentQuotes(doc)),
    )
  }
}

/** A refusal of managing sources (server/sources/manage.ts) as the service's refusal. */
function refuse(err: unknown): never {
  if (err instanceof SourceInUseError)
    throw new ServiceError('conflict', 'source_in_use', err.message, undefined, { uses: err.uses })
  if (err instanceof SourceNotFoundError)
    throw new ServiceError('not_found', 'source_not_found', err.message)
  // The shared validator's verdict on corrected metadata.
  if (err instanceof RangeError) throw new ServiceError('invalid', 'invalid_input', err.message)
  throw err
}
