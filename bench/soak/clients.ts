/**
 * The collaborators of a soak run and what they have seen. Every client is a stock
 * y-websocket provider with its own Y.Doc and a unique Yjs client id; every edit inserts a
 * fixed-width token, so edit k of a client ends at clock (k + 1) * EDIT_LENGTH. An edit counts
 * as seen once any other client has applied an update reaching past it: from then on it
 * must survive anything (crashes included), because the server stored it before anyone
 * could see it.
 */
import * as Y from 'yjs'
import { type BenchClient, type DocAccess, openClient } from '../lib/clients'
import type { Prng } from '../lib/prng'
import { CLIENT_ID_BASE, paragraphTexts } from '../lib/workload'

export const EDIT_LENGTH = 12

/** `iiii:ssssss ` — client number and edit number, fixed width. */
export function soakToken(client: number, seq: number): string {
  return `${String(client).padStart(4, '0')}:${String(seq).padStart(6, '0')} `
}

export class SoakClient {
  readonly doc = new Y.Doc()
  readonly client: BenchClient
  edits = 0
  destroyed = false

  constructor(
    readonly number: number,
    readonly docName: string,
    readonly instance: number,
    wsUrl: string,
    token: string,
    private readonly onRemote: (update: Uint8Array) => void,
  ) {
    this.doc.clientID = CLIENT_ID_BASE + number
    this.doc.on('update', (update: Uint8Array, _o: unknown, _d: Y.Doc, tr: Y.Transaction) => {
      if (!tr.local) this.onRemote(update)
    })
    this.client = openClient('briefing', wsUrl, { name: docName, token }, this.doc)
  }

  /**
   * Types one token at the start or end of a random paragraph (never inside another token,
   * which would break it up for the content check); false when the doc has no paragraph yet.
   */
  edit(prng: Prng): boolean {
    const texts = paragraphTexts(this.doc)
    if (texts.length === 0) return false
    const text = prng.pick(texts)
    text.insert(prng.chance(0.5) ? 0 : text.length, soakToken(this.number, this.edits++))
    return true
  }

  destroy(): void {
    this.destroyed = true
    this.client.destroy()
  }
}

/** Per document: the highest clock of each client that some other client has applied. */
export class SeenEdits {
  private readonly seen = new Map<string, Map<number, number>>()

  record(docName: string, update: Uint8Array): void {
    let clocks = this.seen.get(docName)
    if (!clocks) {
      clocks = new Map()
      this.seen.set(docName, clocks)
    }
    for (const [clientId, clock] of Y.parseUpdateMeta(update).to) {
      if (clock > (clocks.get(clientId) ?? 0)) clocks.set(clientId, clock)
    }
  }

  /** Client id → clock seen, for one document. */
  of(docName: string): Map<number, number> {
    return this.seen.get(docName) ?? new Map()
  }

  /** Edits (by soak clients) seen so far, across documents. */
  count(): number {
    let total = 0
    for (const clocks of this.seen.values()) {
      for (const [clientId, clock] of clocks) {
        if (clientId >= CLIENT_ID_BASE) total += Math.floor(clock / EDIT_LENGTH)
      }
    }
    return total
  }
}

export type { DocAccess }
