/**
 * The client editor and the server must agree on the document schema exactly; a node or
 * attribute known to one side only would be dropped or rejected by the other.
 */
import { type AnyExtension, Extension, getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { clientExtensions } from '../../client/src/editor/extensions'
import { briefingSchema } from '../../shared/schema'
import { schemaFingerprint } from './schemaFingerprint'

const user = { name: 'Ada', color: '#2563eb' }
const cleanups: Array<() => void> = []

afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

// A real provider that never connects: the schema must not depend on a server being up.
function clientExtensionList(): AnyExtension[] {
  const ydoc = new Y.Doc()
  const provider = new WebsocketProvider('ws://127.0.0.1:9', 'parity', ydoc, {
    connect: false,
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  })
  cleanups.push(() => {
    provider.destroy()
    ydoc.destroy()
  })
  return clientExtensions({ ydoc, provider, user })
}

function clientSchema(): Schema {
  return getSchema(clientExtensionList())
}

describe('client schema', () => {
  it('has the same nodes, in the same order, as the server', () => {
    expect(Object.keys(clientSchema().nodes)).toEqual(Object.keys(briefingSchema().nodes))
  })

  it('has the same marks, in the same order, as the server', () => {
    expect(Object.keys(clientSchema().marks)).toEqual(Object.keys(briefingSchema().marks))
  })

  it('matches the server schema node for node and mark for mark', () => {
    const client = schemaFingerprint(clientSchema())
    const server = schemaFingerprint(briefingSchema())
    expect(client.topNode).toBe(server.topNode)
    for (const [name, spec] of Object.entries(server.nodes)) {
      expect({ name, ...client.nodes[name] }).toEqual({ name, ...spec })
    }
    for (const [name, spec] of Object.entries(server.marks)) {
      expect({ name, ...client.marks[name] }).toEqual({ name, ...spec })
    }
    expect(client).toEqual(server)
  })

  // Guards the guard: if the fingerprint ignored attributes, the tests above would pass vacuously.
  it('notices an attribute that only one side has', () => {
    const drift = Extension.create({
      name: 'drift',
      addGlobalAttributes: () => [
        { types: ['paragraph'], attributes: { align: { default: 'left' } } },
      ],
    })
    const client = schemaFingerprint(getSchema([...clientExtensionList(), drift]))
    const server = schemaFingerprint(briefingSchema())
    expect(client.nodes.paragraph).not.toEqual(server.nodes.paragraph)
    expect(client.nodes.heading).toEqual(server.nodes.heading)
  })
})
