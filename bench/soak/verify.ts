/** The soak's end-of-run checks: replicas identical, and no seen edit missing. */
import * as Y from 'yjs'
import { openStores } from '../../server/store'
import { CLIENT_ID_BASE, DOCUMENT_FRAGMENT } from '../lib/workload'
import { EDIT_LENGTH, soakToken } from './clients'

/** Byte-for-byte comparable content of a replica. */
export function fingerprint(doc: Y.Doc): string {
  return doc.getXmlFragment(DOCUMENT_FRAGMENT).toString()
}

/** State vector as a comparable string. */
export function stateKey(doc: Y.Doc): string {
  return Buffer.from(Y.encodeStateVector(doc)).toString('base64')
}

/**
 * Edits some client saw that `doc` lacks: by clock (the state vector must reach every seen
 * clock) and by content (every seen edit's token must be in the text).
 */
export function missingSeenEdits(
  doc: Y.Doc,
  seen: Map<number, number>,
): { missing: number; examples: string[] } {
  const state = Y.decodeStateVector(Y.encodeStateVector(doc))
  const tokens = new Set(fingerprint(doc).match(/\d{4}:\d{6} /g) ?? [])
  let missing = 0
  const examples: string[] = []
  for (const [clientId, clock] of seen) {
    if (clientId < CLIENT_ID_BASE) continue
    const number = clientId - CLIENT_ID_BASE
    const have = state.get(clientId) ?? 0
    for (let seq = 0; seq < Math.floor(clock / EDIT_LENGTH); seq++) {
      const token = soakToken(number, seq)
      if ((seq + 1) * EDIT_LENGTH <= have && tokens.has(token)) continue
      missing++
      if (examples.length < 10) examples.push(token.trim())
    }
  }
  return { missing, examples }
}

/** Each document as a fresh load from the store (what a restarted server would serve). */
export async function loadFromStore(
  config: { dataDir: string; databaseUrl: string | null },
  names: readonly string[],
): Promise<Map<string, Y.Doc>> {
  const stores = await openStores(config)
  try {
    const docs = new Map<string, Y.Doc>()
    for (const name of names) {
      const doc = new Y.Doc()
      const updates = await stores.documents.load(name)
      Y.transact(doc, () => {
        for (const update of updates) Y.applyUpdate(doc, update)
      })
      docs.set(name, doc)
    }
    return docs
  } finally {
    await stores.close()
  }
}

/** Least-squares slope of `y` over `x`; NaN for fewer than two points. */
export function slope(points: ReadonlyArray<[number, number]>): number {
  if (points.length < 2) return Number.NaN
  const n = points.length
  const mx = points.reduce((s, [x]) => s + x, 0) / n
  const my = points.reduce((s, [, y]) => s + y, 0) / n
  let num = 0
  let den = 0
  for (const [x, y] of points) {
    num += (x - mx) * (y - my)
    den += (x - mx) ** 2
  }
  return den === 0 ? Number.NaN : num / den
}
