/**
 * Rebuilds the search index from the store: every briefing's stored document is read and
 * indexed again, then the backend's index structure is rebuilt. Safe while servers run: each
 * briefing is replaced in one transaction, and a server indexing the same briefing meanwhile
 * writes the same text or newer.
 */
import type { Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import type { Stores } from '../store'
import { briefingText } from './briefingText'

export interface ReindexReport {
  briefings: number
  sources: number
}

export async function reindexAll(stores: Stores, schema: Schema): Promise<ReindexReport> {
  const report: ReindexReport = { briefings: 0, sources: 0 }
  for (const id of await stores.briefings.listIds()) {
    const doc = new Y.Doc()
    try {
      const updates = await stores.documents.load(id)
      Y.transact(doc, () => {
        for (const update of updates) Y.applyUpdate(doc, update)
      })
      const text = briefingText(doc, schema)
      await stores.search.indexBriefing(id, text)
      report.briefings++
      report.sources += text.sources.length
    } finally {
      doc.destroy()
    }
  }
  await stores.search.rebuildStructure()
  return report
}
