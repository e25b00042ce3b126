/**
 * One live collaboration session per open briefing: a Y.Doc, the websocket provider that syncs
 * it with the server, and the connection state derived from the provider's events. Created in
 * an effect and destroyed in its cleanup, so React's double-mount in development and
 * navigating between briefings never leave a socket behind.
 */
import { useEffect, useReducer, useRef, useState } from 'react'
import { removeAwarenessStates } from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { CloseCode } from '../../../shared/protocol'
import { ApiError } from '../api/apiError'
import { getBriefing } from '../api/briefings'
import {
  type ConnectionEvent,
  type ConnectionState,
  closeDisposition,
  initialConnectionState,
  nextConnectionState,
} from './connectionState'

export interface CollabSession {
  ydoc: Y.Doc
  provider: WebsocketProvider
}

// A refused upgrade (e.g. the briefing was deleted while we were away) reaches the browser as a
// bare 1006 with no code to read; asking the REST API is the only way to tell. Rate-limited
// because the provider retries every few seconds while the server is down.
const MISSING_CHECK_INTERVAL_MS = 10_000

/** The collaboration endpoint on the origin that served the page. */
export function collabUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`
}

/**
 * Opens a session for `briefingId` and keeps its connection state. `onAccessChanged` is called
 * when the server says our access changed (the provider then reconnects with the new access).
 */
export function useCollabSession(
  briefingId: string,
  onAccessChanged: () => void,
): {
  session: CollabSession | null
  connection: ConnectionState
} {
  const [session, setSession] = useState<CollabSession | null>(null)
  const [connection, dispatch] = useReducer(nextConnectionState, initialConnectionState)
  // Read through a ref so a new callback identity does not tear down the session.
  const accessChanged = useRef(onAccessChanged)
  accessChanged.current = onAccessChanged

  useEffect(() => {
    const ydoc = new Y.Doc()
    const provider = new WebsocketProvider(collabUrl(window.location), briefingId, ydoc, {
      // Every edit goes through the server, so the badge tells the truth about what is shared.
      disableBc: true,
      shouldReconnect: (event) => closeDisposition(event.code) === 'retry',
    })
    const detach = watchProvider(briefingId, provider, dispatch, () => accessChanged.current())
    setSession({ ydoc, provider })
    return () => {
      detach()
      provider.destroy()
      ydoc.destroy()
      setSession(null)
    }
  }, [briefingId])

  return { session, connection }
}

function watchProvider(
  briefingId: string,
  provider: WebsocketProvider,
  dispatch: (event: ConnectionEvent) => void,
  onAccessChanged: () => void,
): () => void {
  let lastMissingCheck = 0
  const checkStillExists = () => {
    if (Date.now() - lastMissingCheck < MISSING_CHECK_INTERVAL_MS) return
    lastMissingCheck = Date.now()
    getBriefing(briefingId).catch((err: unknown) => {
      if (err instanceof ApiError && err.isNotFound) {
        provider.disconnect()
        dispatch({ type: 'closed-for-good', reason: 'deleted' })
      }
    })
  }

  const onSync = (synced: boolean) => {
    if (synced) dispatch({ type: 'synced' })
  }
  const onConnectionClose = (event: CloseEvent | null) => {
    dispatch({ type: 'socket-closed', code: event?.code ?? null })
    if (event?.code === 1006) checkStillExists()
    if (event?.code === CloseCode.ReadOnly) onAccessChanged()
  }
  const onClosed = ({ code }: { code: number }) => {
    const disposition = closeDisposition(code)
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

  provider.on('sync', onSync)
  provider.on('connection-close', onConnectionClose)
  provider.on('closed', onClosed)
  provider.doc.on('update', onUpdate)
  window.addEventListener('pagehide', onPageHide)
  window.addEventListener('pageshow', onPageShow)
  return () => {
    provider.off('sync', onSync)
    provider.off('connection-close', onConnectionClose)
    provider.off('closed', onClosed)
    provider.doc.off('update', onUpdate)
    window.removeEventListener('pagehide', onPageHide)
    window.removeEventListener('pageshow', onPageShow)
  }
}
