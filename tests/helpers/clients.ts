/** Real y-websocket clients in Node, for talking to a real server. */
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import { tokenFor } from './tokens'
import { waitFor } from './waitFor'

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  fragment: Y.XmlFragment
  destroy(): void
}

/**
 * A stock WebsocketProvider against `wsUrl` (…/collab). `disableBc` matters: Node 20 has a
 * global BroadcastChannel, and without it two providers in one process would sync directly,
 * bypassing the server under test.
 */
export function connectClient(
  wsUrl: string,
  briefingId: string,
  options: { connect?: boolean; params?: Record<string, string>; doc?: Y.Doc } = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc()
  const provider = new WebsocketProvider(wsUrl, briefingId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: options.connect ?? true,
    params: options.params ?? withToken(briefingId),
    maxBackoffTime: 200,
  })
  return {
    doc,
    provider,
    fragment: doc.getXmlFragment(DOCUMENT_FRAGMENT),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export async function waitSynced(client: TestClient): Promise<void> {
  await waitFor(() => client.provider.synced, 'client synced')
}

/** Appends a paragraph holding `text` to the client's document. */
export function appendParagraph(client: TestClient, text: string): void {
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  client.fragment.insert(client.fragment.length, [paragraph])
}

/** The document's text, one line per paragraph, for comparing replicas. */
export function docText(doc: Y.Doc): string {
  return doc
    .getXmlFragment(DOCUMENT_FRAGMENT)
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((child) => child.toString())
            .join('')
        : '',
    )
    .join('\n')
}

/** Byte-for-byte comparable snapshot of a doc's content. */
export function docFingerprint(doc: Y.Doc): string {
  return doc.getXmlFragment(DOCUMENT_FRAGMENT).toString()
}

function withToken(briefingId: string): Record<string, string> {
  const token = tokenFor(briefingId)
  return token ? { token } : {}
}
