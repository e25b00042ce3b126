/**
 * Restoring a version as a forward edit. The live document is never rebuilt: the change that
 * makes the current body equal to the version's is computed with y-prosemirror's
 * `updateYFragment` (the same reconciliation the editor runs for every transaction), so
 * paragraphs both have in common keep their Yjs items. Connected clients and offline copies
 * merge it like anyone's edit: nothing is duplicated, and text typed concurrently in a
 * paragraph the restore leaves alone survives it.
 */
import type { Schema } from '@tiptap/pm/model'
import { updateYFragment } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { SETTINGS_MAP } from '../../shared/briefing/settings'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import { SOURCES_MAP } from '../../shared/sources/types'
import { readDocumentBody } from '../content/render'

/**
 * Makes `doc`'s body and settings equal to `version`'s, and brings back every source the
 * version had that `doc` lost (sources added since stay: a source is immutable and unused
 * ones are harmless, and a concurrent import must not be undone). Call inside a transaction.
 */
export function restoreInto(doc: Y.Doc, version: Y.Doc, schema: Schema): void {
  const body = readDocumentBody(version, schema).node
  updateYFragment(doc, doc.getXmlFragment(DOCUMENT_FRAGMENT), body, {
    mapping: new Map(),
    isOMark: new Map(),
  })
  const sources = doc.getMap<unknown>(SOURCES_MAP)
  version.getMap<unknown>(SOURCES_MAP).forEach((value, key) => {
    if (!sources.has(key)) sources.set(key, value)
  })
  const settings = doc.getMap<unknown>(SETTINGS_MAP)
  const wanted = version.getMap<unknown>(SETTINGS_MAP)
  for (const key of [...settings.keys()]) if (!wanted.has(key)) settings.delete(key)
  wanted.forEach((value, key) => {
    if (JSON.stringify(settings.get(key)) !== JSON.stringify(value)) settings.set(key, value)
  })
}
