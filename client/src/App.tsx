/**
 * The app shell: finds out who is signed in, then shows the page for the URL. Signed-out
 * visitors see only the sign-in, sign-up and invite pages; anything else sends them to sign
 * in and back afterwards. When a session ends under an open page, the page stays and a
 * sign-in dialog is laid over it.
 */
import { Suspense, useEffect, useMemo, useState } from 'react'
import type { Me } from './api/auth'
import { AuthProvider, useAuth } from './auth/AuthProvider'
import { SessionExpiredDialog, SignedOutBar } from './auth/SessionExpiredDialog'
import { SignInPage } from './auth/SignInPage'
import { identityOf } from './identity/identity'
import { BriefingListPage } from './list/BriefingListPage'
import { Link } from './router/Link'
import { currentUrl, navigate, useRoute } from './router/navigation'
import { parseRoute, type Route } from './router/route'
import { CurrentTeamProvider } from './teams/CurrentTeamProvider'
import { AppHeader } from './ui/AppHeader'
import { BriefingMark } from './ui/icons'
import { lazyNamed } from './ui/lazyNamed'
import { Notice } from './ui/Notice'

// The editor (ProseMirror, Tiptap, Yjs) is most of the bundle; other pages do not wait for it.
const EditorPage = lazyNamed(() => import('./editor/EditorPage'), 'EditorPage')
// Pages most visits never open stay out of the list page's download.
const SignUpPage = lazyNamed(() => import('./auth/SignUpPage'), 'SignUpPage')
const InvitePage = lazyNamed(() => import('./teams/InvitePage'), 'InvitePage')
const TeamPage = lazyNamed(() => import('./teams/TeamPage'), 'TeamPage')
const SettingsPage = lazyNamed(() => import('./settings/SettingsPage'), 'SettingsPage')

export function App() {
  return (
    <AuthProvider>
      <Suspense fallback={<Splash />}>
        <Shell />
      </Suspense>
    </AuthProvider>
  )
}

const PAGE_TITLES: Partial<Record<Route['page'], string>> = {
  signin: 'Sign in',
  signup: 'Create your account',
  invite: 'Invitation',
  team: 'Team',
  settings: 'Settings',
}

function Shell() {
  const route = useRoute()
  const { state, retry } = useAuth()

  useEffect(() => {
    // The editor names the window after its briefing.
    if (route.page === 'editor') return
    const title = PAGE_TITLES[route.page]
    document.title = title ? `${title} · Briefing` : 'Briefing'
  }, [route.page])

  switch (state.status) {
    case 'loading':
      return <Splash />
    case 'error':
      return (
        <main className="message-page">
          <h1>Briefing is not available</h1>
          <Notice tone="error" action={{ label: 'Try again', onClick: retry }}>
            {state.message}
          </Notice>
        </main>
      )
    case 'signed-out':
      if (route.page === 'signin') return <SignInPage next={route.next} />
      if (route.page === 'signup') return <SignUpPage next={route.next} invite={route.invite} />
      if (route.page === 'invite') return <InvitePage token={route.token} />
      return <Redirect to={{ page: 'signin', next: nextAfterSignIn() }} />
    case 'signed-in':
    case 'expired':
      // Signed in on a sign-in page: go where the user was headed.
      if (route.page === 'signin' || route.page === 'signup') {
        return <Redirect to={parseRoute(route.next ?? '/')} />
      }
      return (
        <CurrentTeamProvider>
          <SignedInPage route={route} me={state.me} />
          {state.status === 'expired' && <SessionEnded me={state.me} />}
        </CurrentTeamProvider>
      )
  }
}

function SignedInPage({
  route,
  me,
}: {
  route: Exclude<Route, { page: 'signin' | 'signup' }>
  me: Me
}) {
  const { id, name } = me.user
  // Stable while the account is, so the editor does not re-announce an unchanged identity.
  const identity = useMemo(() => identityOf({ id, name }), [id, name])

  switch (route.page) {
    case 'list':
      return <BriefingListPage />
    case 'editor':
      return (
        <Suspense fallback={<AppHeader />}>
          {/* Keyed so each briefing gets a fresh session and connection state. */}
          <EditorPage key={route.briefingId} briefingId={route.briefingId} identity={identity} />
        </Suspense>
      )
    case 'team':
      return <TeamPage key={route.teamId} teamId={route.teamId} />
    case 'settings':
      return <SettingsPage />
    case 'invite':
      return <InvitePage token={route.token} />
    case 'not-found':
      return (
        <>
          <AppHeader />
          <main className="message-page">
            <h1>Page not found</h1>
            <p>There is nothing at {route.path}.</p>
            <Link to={{ page: 'list' }} className="button button--primary">
              See all briefings
            </Link>
          </main>
        </>
      )
  }
}

/** The sign-in dialog over the page, or the bar that brings it back once dismissed. */
function SessionEnded({ me }: { me: Me }) {
  const [dismissed, setDismissed] = useState(false)
  return dismissed ? (
    <SignedOutBar onSignIn={() => setDismissed(false)} />
  ) : (
    <SessionExpiredDialog me={me} onDismiss={() => setDismissed(true)} />
  )
}

/** Where to come back to after signing in: this page, unless it is the home page. */
function nextAfterSignIn(): string | undefined {
  const url = currentUrl()
  return url === '/' ? undefined : url
}

/** Replaces the current history entry with `to` once rendered. */
function Redirect({ to }: { to: Route }) {
  useEffect(() => navigate(to, { replace: true }), [to])
  return null
}

function Splash() {
  return (
    <main className="splash" aria-busy="true">
      <BriefingMark />
      <span className="visually-hidden">Loading Briefing…</span>
    </main>
  )
}
