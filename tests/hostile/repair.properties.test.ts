/**
 * [HRP] Property: whatever a stored document holds, valid or not, it reads and repairs
 * cleanly. Documents are built from random edits applied straight to a Y.Doc (no server
 * refuses anything here, as before the structure check). For each: readBody gives a node
 * that passes the schema's check; deleting what brokenParts reports (what a room does at
 * load, found without building the document) are exactly the parts readBody leaves out,
 * and deleting them leaves a document readBody reads without leaving anything out; and that
 * repair changes nothing a reader sees, since it removes only what readers already leave out.
 * And where nothing is broken, readBody reads what y-prosemirror (the editor) builds.
 *
 * Seeded: fast-check prints the seed and path of a failure; replay it with FC_SEED=<seed>.
 */
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { deletionUpdate } from '../../server/collab/loadRepair'
import { brokenParts } from '../../server/content/brokenParts'
import { type DroppedPart, readBody } from '../../server/content/readBody'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import { briefingSchema } from '../../shared/schema/schema'
import { StructureRules } from '../../shared/schema/structure'
import { step, updateFor } from './randomEdits'

const SEED = Number(process.env.FC_SEED ?? 52_817)
const RUNS = Number(process.env.FC_RUNS ?? 300)

const rules = new StructureRules(briefingSchema())

/** A document built by applying random edits straight to a Y.Doc. */
const randomDoc = fc.array(step, { minLength: 1, maxLength: 8 }).map((steps) => {
  const doc = new Y.Doc()
  for (const action of steps) {
    const update = updateFor(doc, action)
    if (update) Y.applyUpdate(doc, update)
  }
  return doc
})

/** Parts as comparable values: kind and item range, in order. */
function partsOf(parts: readonly DroppedPart[]): string[] {
  return parts
    .map((part) => `${part.kind} ${part.id.client}:${part.id.clock}+${part.length}`)
    .sort()
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

describe('stored documents, however broken', () => {
  it('[HRP1] read as a valid document, and repair to one with nothing left out', () => {
    fc.assert(
      fc.property(randomDoc, (doc) => {
        const before = readBody(doc, rules)
        before.node.check()

        const repaired = copyOf(doc)
        const parts = brokenParts(doc, rules)
        if (parts.length > 0) Y.applyUpdate(repaired, deletionUpdate(parts))
        const after = readBody(repaired, rules)
        expect(after.dropped).toEqual([])
        expect(after.node.toJSON()).toEqual(before.node.toJSON())
        // The cheap finder a room runs at load reports exactly what readers leave out.
        expect(partsOf(parts)).toEqual(partsOf(before.dropped))
      }),
      { seed: SEED, numRuns: RUNS },
    )
  })

  it('[HRP2] where nothing is broken, read as the editor builds them', () => {
    fc.assert(
      fc.property(randomDoc, (doc) => {
        const read = readBody(doc, rules)
        fc.pre(read.dropped.length === 0)
        // y-prosemirror rewrites the doc when a node cannot be built: on a copy.
        const shown = yXmlFragmentToProseMirrorRootNode(
          copyOf(doc).getXmlFragment(DOCUMENT_FRAGMENT),
          rules.schema,
        )
        // Where the editor builds an invalid node (an empty blockquote after concurrent
        // deletions) readers fill it, and an empty body reads as one empty paragraph.
        let valid = shown.childCount > 0
        try {
          shown.check()
        } catch {
          valid = false
        }
        fc.pre(valid)
        if (JSON.stringify(read.node.toJSON()) !== JSON.stringify(shown.toJSON()))
          console.log(
            'DBG',
            doc.getXmlFragment(DOCUMENT_FRAGMENT).toString(),
            JSON.stringify(copyOf(doc).getXmlFragment(DOCUMENT_FRAGMENT).toJSON()),
          )
        expect(read.node.toJSON()).toEqual(shown.toJSON())
      }),
      { seed: SEED, numRuns: RUNS },
    )
  })
})
