/**
 * One live collaboration session per open briefing: a Y.Doc, the websocket provider that syncs
 * it with the server, and the connection state derived from the provider's events. Created in
 * an effect and destroyed in its cleanup, so React's double-mount in development and
 * navigating between briefings never leave a socket behind.
 *
 * Access changes arrive on the socket: a downgrade to reading as a y-protocols auth
 * "permission denied" message (the socket stays open), an upgrade to writing as close code
 * 4409 (reconnect), removal as 4403 (stop). A session that ends (4401, or a refused upgrade
 * while the API answers 401) keeps the provider and the Y.Doc: edits typed meanwhile stay in
 * the document, and the same provider reconnects once the user has signed in again.
 *
 * Beside the provider, the Y.Doc is kept in this browser's IndexedDB (offline/offlineCopies.ts),
 * so a reload without network opens the last state and the edits made offline; one copy per
 * session, opened and closed with the provider. A briefing that turns out deleted, or whose
 * access was removed, loses its copy.
 */
import { useEffect, useReducer, useRef, useState } from 'react'
import { readAuthMessage } from 'y-protocols/auth'
import { removeAwarenessStates } from 'y-protocols/awareness'
import { messageAuth, WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CloseCode } from '../../../shared/protocol'
import { ApiError } from '../api/apiError'
import { getBriefing } from '../api/briefings'
import { useAuth } from '../auth/AuthProvider'
import { COMMENT_EVENTS_PARAM, ignoreCommentFrames } from '../comments/commentEvents'
import { dropOfflineCopy } from '../offline/offlineCopies'
import { openOfflineCopy } from '../offline/openCopy'
import {
  type ConnectionEvent,
  type ConnectionState,
  closeDisposition,
  initialConnectionState,
  nextConnectionState,
} from './connectionState'
import { watchNetwork } from './networkWatch'

export interface CollabSession {
  ydoc: Y.Doc
  provider: WebsocketProvider
}

// A refused upgrade (deleted while we were away, or signed out) reaches the browser as a bare
// 1006 with no code to read; asking the REST API is the only way to tell. Rate-limited
// because the provider retries every few seconds while the server is down.
const REFUSAL_CHECK_INTERVAL_MS = 10_000

/** The collaboration endpoint on the origin that served the page. */
function collabUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`
}

/** What the server says about our access on the open socket. */
export interface AccessSignals {
  /** The server switched this connection to read-only. */
  onWriteDenied: () => void
  /** The server asked us to reconnect because we may write again. */
  onWriteRestored: () => void
  /** The server no longer accepts our session. */
  onSessionEnded: () => void
}

/** The briefing a session opens: its id and the epoch its offline copy must match. */
export interface SessionTarget {
  id: string
  epoch: string
}

/**
 * Opens a session for `briefing` on behalf of `userId` and keeps its connection state. `onAccessChanged` is called
 * when the server says our access changed. `writeDenied` turns true the moment the server
 * makes the connection read-only, before the new role has been fetched, so the page can stop
 * offering edits at once.
 */
export function useCollabSession(
  { id: briefingId, epoch }: SessionTarget,
  userId: string,
  onAccessChanged: () => void,
): {
  session: CollabSession | null
  connection: ConnectionState
  writeDenied: boolean
} {
  const [session, setSession] = useState<CollabSession | null>(null)
  const [connection, dispatch] = useReducer(nextConnectionState, initialConnectionState)
  const [writeDenied, setWriteDenied] = useState(false)
  const auth = useAuth()
  // Read through a ref so a new callback identity does not tear down the session.
  const latest = useRef({ onAccessChanged, sessionEnded: auth.sessionEnded })
  latest.current = { onAccessChanged, sessionEnded: auth.sessionEnded }

  useEffect(() => {
    const signals: AccessSignals = {
      onWriteDenied: () => {
        setWriteDenied(true)
        latest.current.onAccessChanged()
      },
      onWriteRestored: () => {
        setWriteDenied(false)
        latest.current.onAccessChanged()
      },
      onSessionEnded: () => latest.current.sessionEnded(),
    }
    const ydoc = new Y.Doc()
    const provider = new WebsocketProvider(collabUrl(window.location), briefingId, ydoc, {
      // Every edit goes through the server, so the badge tells the truth about what is shared.
      disableBc: true,
      // The comments panel hears of changed threads on this socket (docs/PROTOCOL.md, type 4).
      params: { ...COMMENT_EVENTS_PARAM },
      shouldReconnect: (event) => closeDisposition(event.code) === 'retry',
    })
    ignoreCommentFrames(provider)
    const copy = openOfflineCopy(briefingId, epoch, userId, ydoc, () =>
      dispatch({ type: 'local-copy-loaded' }),
    )
    const onFirstSync = (synced: boolean) => {
      if (!synced) return
      provider.off('sync', onFirstSync)
      copy.synced()
    }
    provider.on('sync', onFirstSync)
    const detach = watchProvider(briefingId, provider, dispatch, signals)
    setSession({ ydoc, provider })
    return () => {
      detach()
      provider.off('sync', onFirstSync)
      copy.close()
      provider.destroy()
      ydoc.destroy()
      setSession(null)
    }
  }, [briefingId, epoch, userId])

  // Signed in again after the session ended: resume the same provider, which sends the edits
  // the Y.Doc collected meanwhile as part of its first sync.
  const signedIn = auth.state.status === 'signed-in'
  useEffect(() => {
    if (!signedIn || !session || connection.kind !== 'signed-out') return
    dispatch({ type: 'signed-in' })
    session.provider.connect()
  }, [signedIn, session, connection.kind])

  return { session, connection, writeDenied }
}

/** Wires a provider's events to the connection state and the access signals; returns the unwiring. */
export function watchProvider(
  briefingId: string,
  provider: WebsocketProvider,
  dispatch: (event: ConnectionEvent) => void,
  signals: AccessSignals,
): () => void {
  const signOut = () => {
    // Stop the retry loop: every attempt would be refused until the user signs in.
    provider.disconnect()
    dispatch({ type: 'signed-out' })
    signals.onSessionEnded()
  }

  let lastRefusalCheck = 0
  const explainRefusal = () => {
    if (Date.now() - lastRefusalCheck < REFUSAL_CHECK_INTERVAL_MS) return
    lastRefusalCheck = Date.now()
    getBriefing(briefingId).catch((err: unknown) => {
      if (!(err instanceof ApiError)) return
      if (err.status === 401) signOut()
      else if (err.isNotFound) {
        void dropOfflineCopy(briefingId)
        provider.disconnect()
        dispatch({ type: 'closed-for-good', reason: 'deleted' })
      }
    })
  }

  // y-websocket only logs "permission denied"; the page needs to know at once.
  const defaultAuthHandler = provider.messageHandlers[messageAuth]
  provider.messageHandlers[messageAuth] = (_encoder, decoder, p) => {
    readAuthMessage(decoder, p.doc, () => signals.onWriteDenied())
  }

  const onSync = (synced: boolean) => {
    if (synced) dispatch({ type: 'synced' })
  }
  const onConnectionClose = (event: CloseEvent | null) => {
    dispatch({ type: 'socket-closed', code: event?.code ?? null })
    if (event?.code === 1006) explainRefusal()
    if (event?.code === CloseCode.WriteAccessGranted) signals.onWriteRestored()
  }
  const onClosed = ({ code }: { code: number }) => {
    const disposition = closeDisposition(code)
    if (disposition === 'sign-in') return signOut()
    if (disposition === 'deleted' || disposition === 'forbidden') void dropOfflineCopy(briefingId)
    dispatch({
      type: 'closed-for-good',
      reason: disposition === 'retry' ? 'rejected' : disposition,
    })
  }
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) dispatch({ type: 'local-edit' })
  }
  // The provider only announces leaving on an explicit disconnect; tell peers we are gone on
  // reload or tab close instead of leaving a ghost caret until awareness times out.
  const onPageHide = () => {
    removeAwarenessStates(provider.awareness, [provider.doc.clientID], 'page hidden')
  }
  // Coming back from the back/forward cache, our awareness state is gone and the socket may be
  // stale; a fresh load is the one path known to restore both.
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) window.location.reload()
  }

  const unwatchNetwork = watchNetwork(provider)
  provider.on('sync', onSync)
  provider.on('connection-close', onConnectionClose)
  provider.on('closed', onClosed)
  provider.doc.on('update', onUpdate)
  window.addEventListener('pagehide', onPageHide)
  window.addEventListener('pageshow', onPageShow)
  return () => {
    if (defaultAuthHandler) provider.messageHandlers[messageAuth] = defaultAuthHandler
    unwatchNetwork()
    provider.off('sync', onSync)
    provider.off('connection-close', onConnectionClose)
    provider.off('closed', onClosed)
    provider.doc.off('update', onUpdate)
    window.removeEventListener('pagehide', onPageHide)
    window.removeEventListener('pageshow', onPageShow)
  }
}
