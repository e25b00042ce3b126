/**
 * Sources: listing a briefing's sources, adding an imported one to its document (from where
 * it syncs live to every collaborator), and the server's verdict on every quote block. The
 * import itself (fetching, parsing in the import threads) is server/sources/importSource.ts.
 */
import { randomUUID } from 'node:crypto'
import { verifyDocumentQuotes } from '../../shared/quotes'
import { addSource, createSource, listSources, type Source } from '../../shared/sources'
import type { BriefingAccess } from '../auth/access'
import { readDocument } from '../collab/readDocument'
import { addToDocument } from '../collab/serverEdit'
import type { ImportResult } from '../sources/importSource'
import { recordAudit } from './audit'
import type { Actor, ServiceDeps } from './deps'

export class SourcesService {
  constructor(private readonly deps: ServiceDeps) {}

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
    await addToDocument(this.deps.registry, briefing.id, 'import source', (doc) =>
      addSource(doc, source),
    )
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

  /** The server's own verdict on every quote block, as export will see it. */
  async verification(actor: Actor, briefingId: string) {
    const { briefing } = await this.deps.access.require(actor.auth, briefingId, 'read')
    return readDocument(this.deps.registry, this.deps.stores.documents, briefing.id, (doc) =>
      Object.fromEntries(verifyDocumentQuotes(doc)),
    )
  }
}
