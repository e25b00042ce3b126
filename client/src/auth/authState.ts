/**
 * Whether someone is signed in, as a pure state machine. `expired` is the state that matters
 * most: the server stopped accepting the session while a page was open. The page stays (an
 * open briefing keeps its unsynced edits) and a sign-in dialog is laid over it; signing in
 * again returns to `signed-in` without reloading anything.
 */
import type { Me, TeamMembership } from '../api/auth'

export type AuthState =
  | { status: 'loading' }
  /** `/api/auth/me` failed for a reason other than "nobody is signed in". */
  | { status: 'error'; message: string }
  | { status: 'signed-out' }
  | { status: 'signed-in'; me: Me }
  /** Was signed in as `me`; the server no longer accepts that session. */
  | { status: 'expired'; me: Me }

export type AuthEvent =
  /** The first answer from `/api/auth/me`; null when nobody is signed in. */
  | { type: 'loaded'; me: Me | null }
  | { type: 'load-failed'; message: string }
  | { type: 'signed-in'; me: Me }
  | { type: 'signed-out' }
  /** The server answered 401 to a request or a socket: the session is gone. */
  | { type: 'session-ended' }
  /** The user's teams changed (created, joined, left). */
  | { type: 'teams-changed'; teams: TeamMembership[] }
  /** The user changed their own account (e.g. their name); `me` is the server's new answer. */
  | { type: 'account-changed'; me: Me }

export const initialAuthState: AuthState = { status: 'loading' }

export function nextAuthState(state: AuthState, event: AuthEvent): AuthState {
  switch (event.type) {
    case 'loaded':
      return event.me ? { status: 'signed-in', me: event.me } : { status: 'signed-out' }
    case 'load-failed':
      return { status: 'error', message: event.message }
    case 'signed-in':
      return { status: 'signed-in', me: event.me }
    case 'signed-out':
      return { status: 'signed-out' }
    case 'session-ended':
      // Only a live session can end; a 401 while loading just means nobody is signed in yet.
      return state.status === 'signed-in' ? { status: 'expired', me: state.me } : state
    case 'teams-changed':
      return state.status === 'signed-in' || state.status === 'expired'
        ? { ...state, me: { ...state.me, teams: event.teams } }
        : state
    case 'account-changed':
      // Only the account that is signed in can have changed; anything else is a stale answer.
      return (state.status === 'signed-in' || state.status === 'expired') &&
        state.me.user.id === event.me.user.id
        ? { ...state, me: event.me }
        : state
  }
}

/** The account of a state that has one (signed in, or signed in until the session ended). */
export function accountOf(state: AuthState): Me | null {
  return state.status === 'signed-in' || state.status === 'expired' ? state.me : null
}
