/**
 * What the connection badge shows, as a pure state machine fed by provider events.
 *
 * The stock provider only says "connecting" while it retries, which cannot tell a first load
 * from a lost connection; users need to know whether their typing is safe. So: before the
 * first sync we are `connecting` (or `local` once this device's copy of the briefing is shown,
 * which may be edited: it is a server state of the same epoch); after it, losing the socket
 * means `offline` (edits are kept
 * in the Y.Doc and sent on reconnect); the session ending means `signed-out` (edits are kept
 * too, and sent once the user signs in again); a close code that says retrying is pointless
 * ends in `closed`, which is final.
 */
import { CloseCode } from '../../../shared/protocol'

/** Why the server ended the session for good. */
export type ClosedReason = 'deleted' | 'forbidden' | 'rejected' | 'invalid-content'

export type ConnectionState =
  /** Never synced yet; the document is not editable so nothing is typed into a blank page. */
  | { kind: 'connecting'; failedAttempts: number }
  /** Showing this device's copy while the first connection is tried; editable. */
  | { kind: 'local' }
  | { kind: 'connected' }
  /** Synced before, socket lost; the provider is reconnecting by itself. */
  | { kind: 'offline'; unsyncedEdits: boolean; serverRestarting: boolean }
  /**
   * The server no longer accepts our session; the provider waits for the user to sign in.
   * `synced` says whether the document was ever loaded (and so may be edited meanwhile).
   */
  | { kind: 'signed-out'; synced: boolean; unsyncedEdits: boolean }
  | { kind: 'closed'; reason: ClosedReason }

export type ConnectionEvent =
  /** The server sent its sync step 2: both sides have each other's updates. */
  | { type: 'synced' }
  /** The socket closed (code null when we closed it ourselves) and will be retried. */
  | { type: 'socket-closed'; code: number | null }
  | { type: 'closed-for-good'; reason: ClosedReason }
  /** The session ended (close code 4401, or a refused upgrade and a 401 from the API). */
  | { type: 'signed-out' }
  /** The user signed in again; the provider is reconnecting. */
  | { type: 'signed-in' }
  /** The local user changed the document. */
  | { type: 'local-edit' }
  /** This device's copy of the briefing (offline/offlineCopies.ts) is in the document. */
  | { type: 'local-copy-loaded' }

export const initialConnectionState: ConnectionState = { kind: 'connecting', failedAttempts: 0 }

/** The next state after `event`. `closed` is final. */
export function nextConnectionState(
  state: ConnectionState,
  event: ConnectionEvent,
): ConnectionState {
  if (state.kind === 'closed') return state
  switch (event.type) {
    case 'synced':
      return state.kind === 'connected' ? state : { kind: 'connected' }
    case 'socket-closed':
      return afterSocketClosed(state, event.code === CloseCode.ServerRestarting)
    case 'closed-for-good':
      return { kind: 'closed', reason: event.reason }
    case 'signed-out':
      return state.kind === 'signed-out' ? state : signedOut(state)
    case 'signed-in':
      if (state.kind !== 'signed-out') return state
      return state.synced
        ? { kind: 'offline', unsyncedEdits: state.unsyncedEdits, serverRestarting: false }
        : { kind: 'connecting', failedAttempts: 0 }
    case 'local-copy-loaded':
      if (state.kind !== 'connecting') return state
      // The server was already out of reach: say so, rather than "connecting" on.
      return state.failedAttempts > 0
        ? { kind: 'offline', unsyncedEdits: false, serverRestarting: false }
        : { kind: 'local' }
    case 'local-edit':
      return (state.kind === 'offline' || state.kind === 'signed-out') && !state.unsyncedEdits
        ? { ...state, unsyncedEdits: true }
        : state
  }
}

function signedOut(state: Exclude<ConnectionState, { kind: 'closed' | 'signed-out' }>) {
  return {
    kind: 'signed-out' as const,
    synced: state.kind !== 'connecting',
    unsyncedEdits: state.kind === 'offline' && state.unsyncedEdits,
  }
}

function afterSocketClosed(
  state: Exclude<ConnectionState, { kind: 'closed' }>,
  serverRestarting: boolean,
): ConnectionState {
  switch (state.kind) {
    case 'connecting':
      return { kind: 'connecting', failedAttempts: state.failedAttempts + 1 }
    case 'local':
    case 'connected':
      return { kind: 'offline', unsyncedEdits: false, serverRestarting }
    case 'offline':
      return { ...state, serverRestarting: state.serverRestarting || serverRestarting }
    case 'signed-out':
      return state
  }
}

/**
 * Whether a close code means "try again", "sign in, then try again" or names a reason to stop.
 * Codes the client does not know are retried: an unknown code must never strand a user's edits.
 * So are the server's own troubles (1011 internal error, 1012 restart, 4503 load failed,
 * 4507 write backlog, 4508 slow reader), a rate limit (4429, after the provider's backoff)
 * and 4409 (our role may now write: reconnecting picks it up); the edits stay in the Y.Doc
 * and are sent on reconnect.
 */
export function closeDisposition(code: number): 'retry' | 'sign-in' | ClosedReason {
  switch (code) {
    case CloseCode.BriefingNotFound:
      return 'deleted'
    case CloseCode.Forbidden:
      return 'forbidden'
    case CloseCode.Unauthorized:
      return 'sign-in'
    // Reconnecting would resend the same offending bytes and be closed again, forever.
    case CloseCode.MalformedMessage:
    case CloseCode.MessageTooBig:
      return 'rejected'
    case CloseCode.InvalidContent:
      return 'invalid-content'
    default:
      return 'retry'
  }
}

/**
 * Whether the user may type: not before the first sync, and not once the session is over.
 * Signed out, a loaded document stays editable: the edits wait in the Y.Doc for sign-in.
 */
export function isEditable(state: ConnectionState): boolean {
  if (state.kind === 'signed-out') return state.synced
  return state.kind === 'connected' || state.kind === 'offline' || state.kind === 'local'
}
