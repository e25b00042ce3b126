/**
 * A small status pill: connected, connecting, offline or signed out (edits kept either way),
 * or disconnected for good.
 */
import type { ConnectionState } from './connectionState'

interface BadgeText {
  tone: 'ok' | 'pending' | 'offline' | 'ended'
  label: string
  detail: string
}

/** The words for each state; exported for the page banner to stay consistent. */
export function badgeText(state: ConnectionState): BadgeText {
  switch (state.kind) {
    case 'connected':
      return { tone: 'ok', label: 'Connected', detail: 'Changes are shared as you type.' }
    case 'connecting':
      return state.failedAttempts < 2
        ? { tone: 'pending', label: 'Connecting…', detail: 'Opening the briefing.' }
        : {
            tone: 'offline',
            label: 'Cannot reach server',
            detail: 'Still trying. The briefing opens as soon as the server answers.',
          }
    case 'local':
      return {
        tone: 'pending',
        label: 'Connecting…',
        detail: 'Showing the copy kept on this device; edits will sync once connected.',
      }
    case 'offline':
      return {
        tone: 'offline',
        label: state.serverRestarting ? 'Server restarting' : 'Offline',
        detail: 'Edits are kept and will sync when the connection is back. Reconnecting…',
      }
    case 'signed-out':
      return {
        tone: 'offline',
        label: 'Signed out',
        detail: 'Edits are kept on this device and will sync when you sign in again.',
      }
    case 'closed':
      return { tone: 'ended', label: 'Disconnected', detail: closedDetail[state.reason] }
  }
}

const closedDetail = {
  deleted: 'This briefing was deleted.',
  forbidden: 'Your access to this briefing was removed.',
  rejected: 'The server could not accept a change. Copy any recent work, then reload.',
  'invalid-content':
    'The server refused a change that would break the briefing’s structure. Copy any recent work, then reload.',
} as const

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { tone, label, detail } = badgeText(state)
  return (
    <output
      className={`connection-badge connection-badge--${tone}`}
      title={detail}
      aria-live="polite"
      data-state={state.kind}
    >
      <span className="connection-badge__dot" aria-hidden="true" />
      <span className="connection-badge__label">{label}</span>
      {(state.kind === 'offline' || state.kind === 'signed-out') && (
        <span className="connection-badge__detail">· edits are kept and will sync</span>
      )}
    </output>
  )
}
