/**
 * Helpers for the access tests: sockets that record every frame (raw `ws` and stock
 * y-websocket providers), Yjs updates to write with, and reading back what the server kept.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { expect } from 'vitest'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MessageType } from '../../shared/protocol/messages'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import { docText } from '../helpers/clients'
import type { TestServer } from '../helpers/server'
import type { TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'

const SYNC_STEP_2 = 1
const SYNC_UPDATE = 2

/** A Yjs update that adds one paragraph holding `text`, made on a throwaway doc. */
export function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [paragraph])
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** A y-websocket sync frame (`step` 0 = step 1, 1 = step 2, 2 = update). */
export function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** The reasons of every y-protocols/auth "permission denied" frame among `frames`. */
export function permissionDenials(frames: readonly Uint8Array[]): string[] {
  const reasons: string[] = []
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== MessageType.Auth) continue
    if (decoding.readVarUint(decoder) !== 0) continue
    reasons.push(decoding.readVarString(decoder))
  }
  return reasons
}

function countSyncStep2(frames: readonly Uint8Array[]): number {
  let count = 0
  for (const frame of frames) {
    if (frame[0] === MessageType.Sync && frame[1] === SYNC_STEP_2) count++
  }
  return count
}

function toBytes(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  const buffer = data as Buffer
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength)
}

/** What became of a WebSocket: opened, refused with an HTTP status, or closed with a code. */
export interface RecordedSocket {
  ws: WebSocket
  /** Every binary frame the server sent, in order. */
  received: Uint8Array[]
  /** 'open', or the HTTP status of a refused upgrade. */
  outcome: Promise<'open' | number>
  /** The body of a refused upgrade's HTTP response, once `outcome` resolved to a status. */
  refusal: string | null
  /** Close code once closed (1006 for a refused upgrade). */
  closeCode: number | null
  closed: Promise<{ code: number; reason: string }>
}

function record(ws: WebSocket): RecordedSocket {
  const received: Uint8Array[] = []
  const recorded: RecordedSocket = {
    ws,
    received,
    refusal: null,
    closeCode: null,
    outcome: new Promise((resolve) => {
      ws.once('open', () => resolve('open'))
      ws.once('unexpected-response', (_req, res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          recorded.refusal = Buffer.concat(chunks).toString('utf8')
          resolve(res.statusCode ?? 0)
          ws.terminate()
        })
      })
    }),
    closed: new Promise((resolve) => {
      ws.once('close', (code, reason) => {
        recorded.closeCode = code
        resolve({ code, reason: reason.toString() })
      })
    }),
  }
  ws.on('message', (data) => received.push(toBytes(data)))
  ws.on('error', () => undefined)
  return recorded
}

/**
 * A raw `ws` client that records frames and keeps a local replica of what the server sends
 * (sync step 2 and updates), without ever answering: nothing it sends is implicit.
 */
export interface RawClient extends RecordedSocket {
  doc: Y.Doc
  send(frame: Uint8Array): void
  /** Sends a paragraph as a document update. */
  write(text: string): void
  /** Resolves once the server has handled everything sent before (see `syncBarrier`). */
  barrier(): Promise<void>
}

export function rawClient(url: string, headers: Record<string, string> = {}): RawClient {
  const recorded = record(new WebSocket(url, { headers }))
  const doc = new Y.Doc()
  recorded.ws.on('message', (data) => {
    const frame = toBytes(data)
    if (frame[0] !== MessageType.Sync) return
    const decoder = decoding.createDecoder(frame)
    decoding.readVarUint(decoder)
    const step = decoding.readVarUint(decoder)
    if (step === SYNC_STEP_2 || step === SYNC_UPDATE) {
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
    }
  })
  const client: RawClient = {
    ...recorded,
    get closeCode() {
      return recorded.closeCode
    },
    get refusal() {
      return recorded.refusal
    },
    doc,
    send: (frame) => recorded.ws.send(frame),
    write: (text) => recorded.ws.send(syncFrame(SYNC_UPDATE, paragraphUpdate(text))),
    barrier: () => syncBarrier(recorded.ws, recorded.received),
  }
  return client
}

/**
 * Frames on one connection are handled in order, and the server answers sync step 1 at
 * once. So once the reply to a step 1 sent now arrives, every frame sent earlier on this
 * socket has been handled (an accepted update may still be on its way to the store).
 * Each barrier names a state vector of its own: the server answers a repeated one once.
 */
async function syncBarrier(ws: WebSocket, received: readonly Uint8Array[]): Promise<void> {
  const before = countSyncStep2(received)
  ws.send(syncFrame(0, unseenStateVector()))
  await waitFor(() => countSyncStep2(received) > before, 'sync barrier answered')
}

/** A state vector naming one random client the room has never seen: it lacks everything. */
function unseenStateVector(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 1)
  encoding.writeVarUint(encoder, Math.floor(Math.random() * 0xffffffff))
  encoding.writeVarUint(encoder, 0)
  return encoding.toUint8Array(encoder)
}

/** Opens a raw socket with a session cookie from our own origin, as a browser tab would. */
export function cookieClient(
  server: TestServer,
  briefingId: string,
  user: TestUser | null,
  headers: Record<string, string> = {},
) {
  return rawClient(`${server.wsUrl}/${briefingId}`, {
    origin: server.url,
    ...(user ? { cookie: user.cookie } : {}),
    ...headers,
  })
}

/** A stock WebsocketProvider whose sockets are recorded, over a collab token or a cookie. */
export interface ProviderClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Every socket the provider opened, oldest first. */
  sockets: RecordedSocket[]
  current(): RecordedSocket
  text(): string
  write(text: string): void
  /** See `syncBarrier`; on the provider's current socket. */
  barrier(): Promise<void>
  destroy(): void
}

export function providerClient(
  server: TestServer,
  briefingId: string,
  auth: { token: string } | { cookie: string },
  options: { reconnectOn?: number[] } = {},
): ProviderClient {
  const sockets: RecordedSocket[] = []
  const headers = 'cookie' in auth ? { cookie: auth.cookie, origin: server.url } : {}
  class RecordingWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers })
      sockets.push(record(this))
    }
  }
  const doc = new Y.Doc()
  const reconnectOn = options.reconnectOn ?? []
  const provider = new WebsocketProvider(server.wsUrl, briefingId, doc, {
    WebSocketPolyfill: RecordingWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: 'token' in auth ? { token: auth.token } : {},
    maxBackoffTime: 100,
    // Like the app's client: 44xx codes are final unless the test says to reconnect.
    shouldReconnect: (event) =>
      reconnectOn.includes(event.code) || !(event.code >= 4400 && event.code < 4500),
  })
  const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT)
  return {
    doc,
    provider,
    sockets,
    current: () => sockets[sockets.length - 1]!,
    text: () => docText(doc),
    write(text) {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(text)])
      fragment.insert(fragment.length, [paragraph])
    },
    barrier() {
      const socket = sockets[sockets.length - 1]!
      return syncBarrier(socket.ws, socket.received)
    },
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** The text of the briefing as the store holds it, loaded into a fresh doc. */
export async function storedText(server: TestServer, briefingId: string): Promise<string> {
  const doc = new Y.Doc()
  for (const update of await server.stores.documents.load(briefingId)) Y.applyUpdate(doc, update)
  const text = docText(doc)
  doc.destroy()
  return text
}

/** The text of the briefing's live room (empty when it is not loaded). */
export function roomText(server: TestServer, briefingId: string): string {
  const room = server.registry.get(briefingId)
  return room ? docText(room.doc) : ''
}

/** Opens a raw socket with `?token=`, as a script would. */
export function tokenClient(server: TestServer, briefingId: string, token: string): RawClient {
  return rawClient(`${server.wsUrl}/${briefingId}?token=${encodeURIComponent(token)}`)
}

/** Whether a raw socket is open and the server lets it write: 'written' or 'dropped'. */
export async function tryWrite(
  server: TestServer,
  briefingId: string,
  client: RawClient,
  text: string,
): Promise<'written' | 'dropped'> {
  client.write(text)
  return waitFor(
    () =>
      permissionDenials(client.received).length > 0
        ? ('dropped' as const)
        : roomText(server, briefingId).includes(text)
          ? ('written' as const)
          : null,
    `the server decided on "${text}"`,
  )
}

/** Fails if a response body looks like it carries a stack trace or source paths. */
export function expectNoStack(text: string): void {
  expect(text).not.toMatch(/\bat [^"]+:\d+:\d+|\.[cm]?[jt]s:\d+|node_modules|"stack"/)
}

export interface ApiError {
  code: string
  message: string
  field?: string
}

/** An error as the API promises it: JSON `{error: {code, message, field?}}`, no stack. */
export async function expectJsonError(
  res: Response,
  status: number,
  code?: string,
): Promise<ApiError> {
  const text = await res.text()
  expect(res.status, text).toBe(status)
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  expectNoStack(text)
  const body = JSON.parse(text) as { error: ApiError }
  expect(Object.keys(body)).toEqual(['error'])
  expect(typeof body.error.message).toBe('string')
  if (code) expect(body.error.code).toBe(code)
  return body.error
}

/** fetch as nobody in particular: JSON body, extra headers, no cookie unless given. */
export function send(
  baseUrl: string,
  path: string,
  init: {
    method?: string
    body?: unknown
    rawBody?: string
    headers?: Record<string, string>
  } = {},
): Promise<Response> {
  const hasBody = init.body !== undefined || init.rawBody !== undefined
  return fetch(`${baseUrl}${path}`, {
    method: init.method ?? (hasBody ? 'POST' : 'GET'),
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...init.headers },
    body: init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
  })
}
