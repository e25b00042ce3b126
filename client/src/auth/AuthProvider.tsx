/**
 * Who is signed in, for every page: loads `/api/auth/me` once, then follows sign-in, sign-out
 * and the session ending under an open page (any 401 from the API, or a collaboration socket
 * closed 4401). Offline copies of briefings belong to the person signed in: signing out deletes
 * them, and another person signing in on this browser finds none.
 */
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
} from 'react'
import { ApiError, errorMessage } from '../api/apiError'
import { getMe, type Me, signOut as signOutRequest } from '../api/auth'
import { SESSION_ENDED_EVENT } from '../api/http'
import { claimOfflineCopies, wipeOfflineCopies } from '../offline/offlineCopies'
import { type AuthState, initialAuthState, nextAuthState } from './authState'

export interface Auth {
  state: AuthState
  /** Call with the answer of a successful sign-in or registration. */
  signedIn: (me: Me) => void
  /** Ends the session on the server and here. */
  signOut: () => Promise<void>
  /** The server refused our session (e.g. a socket closed 4401). */
  sessionEnded: () => void
  /** Re-reads the user's teams after one was created, joined or left. */
  refreshTeams: () => Promise<void>
  /**
   * Call with the answer of a change to the user's own account (renaming), so the header,
   * the settings page and the caret label show it at once.
   */
  accountChanged: (me: Me) => void
  /** Tries loading the user again after `error`. */
  retry: () => void
}

const AuthContext = createContext<Auth | null>(null)

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, dispatch] = useReducer(nextAuthState, initialAuthState)
  const [attempt, bumpAttempt] = useReducer((n: number) => n + 1, 0)
  // While our own sign-out is in flight the server closes our sockets with 4401; that is
  // not a session ending under the user's feet, so no sign-in dialog for it.
  const signingOut = useRef(false)

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the retry trigger.
  useEffect(() => {
    let current = true
    getMe().then(
      (me) => current && dispatch({ type: 'loaded', me }),
      (err: unknown) => {
        if (!current) return
        if (err instanceof ApiError && err.status === 401) dispatch({ type: 'loaded', me: null })
        else dispatch({ type: 'load-failed', message: errorMessage(err) })
      },
    )
    return () => {
      current = false
    }
  }, [attempt])

  const userId = state.status === 'signed-in' ? state.me.user.id : null
  useEffect(() => {
    if (userId) void claimOfflineCopies(userId)
  }, [userId])

  const sessionEnded = useCallback(() => {
    if (!signingOut.current) dispatch({ type: 'session-ended' })
  }, [])

  useEffect(() => {
    window.addEventListener(SESSION_ENDED_EVENT, sessionEnded)
    return () => window.removeEventListener(SESSION_ENDED_EVENT, sessionEnded)
  }, [sessionEnded])

  const signedIn = useCallback((me: Me) => dispatch({ type: 'signed-in', me }), [])

  const signOut = useCallback(async () => {
    signingOut.current = true
    try {
      await signOutRequest()
    } catch (err) {
      // Already signed out on the server is as good as signing out now.
      if (!(err instanceof ApiError && err.status === 401)) throw err
    } finally {
      signingOut.current = false
    }
    await wipeOfflineCopies()
    dispatch({ type: 'signed-out' })
  }, [])

  const refreshTeams = useCallback(async () => {
    const me = await getMe()
    dispatch({ type: 'teams-changed', teams: me.teams })
  }, [])

  const accountChanged = useCallback((me: Me) => dispatch({ type: 'account-changed', me }), [])

  const auth = useMemo<Auth>(
    () => ({
      state,
      signedIn,
      signOut,
      sessionEnded,
      refreshTeams,
      accountChanged,
      retry: bumpAttempt,
    }),
    [state, signedIn, signOut, sessionEnded, refreshTeams, accountChanged],
  )
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>
}

/** The auth state and actions; only inside `AuthProvider`. */
export function useAuth(): Auth {
  const auth = useContext(AuthContext)
  if (!auth) throw new Error('useAuth is used outside AuthProvider')
  return auth
}

/**
 * The signed-in user, for pages that are only shown to one (the app shell guarantees it).
 * While an ended session waits for the user to sign in again, the previous user is returned,
 * so the page under the sign-in dialog stays as it was.
 */
export function useAccount(): Me {
  const { state } = useAuth()
  if (state.status !== 'signed-in' && state.status !== 'expired') {
    throw new Error(`useAccount needs a signed-in user, not ${state.status}`)
  }
  return state.me
}
