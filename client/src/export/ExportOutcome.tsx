/**
 * What happened to the last export, under the Export button: a short confirmation that goes
 * away by itself, or, when the file needs the user's attention (quotes marked UNVERIFIED,
 * text that did not print as written) or could not be made, a card that stays until dismissed.
 */
import { type KeyboardEvent, type ReactNode, useEffect, useId } from 'react'
import { AlertIcon, CheckCircleIcon, CloseIcon } from '../sources/icons'
import { IconButton } from '../ui/IconButton'
import { FORMAT_LABELS } from './formats'
import { unverifiedQuotesWarning } from './outcomeText'
import type { ExportState } from './useExport'

/** How long a clean "Saved" stays up; long enough to read, short enough not to linger. */
const CONFIRMATION_MS = 6000

interface ExportOutcomeProps {
  state: ExportState
  onRetry: () => void
  onDismiss: () => void
}

export function ExportOutcome({ state, onRetry, onDismiss }: ExportOutcomeProps) {
  switch (state.kind) {
    case 'idle':
    case 'working':
      return null
    case 'saved':
      return state.unverifiedQuotes > 0 || state.warnings.length > 0 ? (
        <SavedWithWarnings
          filename={state.filename}
          unverifiedQuotes={state.unverifiedQuotes}
          warnings={state.warnings}
          onDismiss={onDismiss}
        />
      ) : (
        <Saved filename={state.filename} onDismiss={onDismiss} />
      )
    case 'failed':
      return (
        <OutcomeCard
          tone="error"
          title={`Could not export ${FORMAT_LABELS[state.format].noun}`}
          onDismiss={onDismiss}
        >
          <p className="export-outcome__detail">{state.message}</p>
          <div className="export-outcome__actions">
            <button
              type="button"
              className="button button--small button--primary"
              onClick={onRetry}
            >
              Try again
            </button>
          </div>
        </OutcomeCard>
      )
  }
}

function Saved({ filename, onDismiss }: { filename: string; onDismiss: () => void }) {
  useEffect(() => {
    const timer = setTimeout(onDismiss, CONFIRMATION_MS)
    return () => clearTimeout(timer)
  }, [onDismiss])
  return (
    <output className="export-outcome export-outcome--ok">
      <CheckCircleIcon size={18} />
      <span className="export-outcome__saved">
        Downloaded <span className="export-outcome__file">{filename}</span>
      </span>
      <DismissButton onDismiss={onDismiss} />
    </output>
  )
}

interface SavedWithWarningsProps {
  filename: string
  unverifiedQuotes: number
  warnings: string[]
  onDismiss: () => void
}

function SavedWithWarnings({
  filename,
  unverifiedQuotes,
  warnings,
  onDismiss,
}: SavedWithWarningsProps) {
  return (
    <OutcomeCard
      tone={unverifiedQuotes > 0 ? 'error' : 'warning'}
      title="Check the file before you share it"
      onDismiss={onDismiss}
    >
      <p className="export-outcome__file-line">
        Downloaded <span className="export-outcome__file">{filename}</span>
      </p>
      {unverifiedQuotes > 0 && (
        <p className="export-outcome__unverified">
          <strong>{unverifiedQuotesWarning(unverifiedQuotes)}.</strong> Restore the source wording
          in the briefing, then export again.
        </p>
      )}
      {warnings.length > 0 && (
        <>
          <p className="export-outcome__detail">
            {warnings.length === 1 ? 'One thing was' : `${warnings.length} things were`} not
            exported as written:
          </p>
          <ul className="export-outcome__warnings">
            {warnings.map((warning, i) => (
              // The server may repeat a message; position is the identity here.
              // biome-ignore lint/suspicious/noArrayIndexKey: the list never reorders
              <li key={i}>{warning}</li>
            ))}
          </ul>
        </>
      )}
    </OutcomeCard>
  )
}

interface OutcomeCardProps {
  tone: 'error' | 'warning'
  title: string
  onDismiss: () => void
  children: ReactNode
}

/** A card that stays until dismissed (its × or Escape) and is announced when it appears. */
function OutcomeCard({ tone, title, onDismiss, children }: OutcomeCardProps) {
  const titleId = useId()
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return
    event.preventDefault()
    onDismiss()
  }
  return (
    <section
      className={`export-outcome export-outcome--card export-outcome--${tone}`}
      role="alert"
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
    >
      <div className="export-outcome__head">
        <AlertIcon size={20} />
        <h2 id={titleId} className="export-outcome__title">
          {title}
        </h2>
        <DismissButton onDismiss={onDismiss} />
      </div>
      <div className="export-outcome__body">{children}</div>
    </section>
  )
}

function DismissButton({ onDismiss }: { onDismiss: () => void }) {
  return (
    <IconButton label="Dismiss" className="export-outcome__dismiss" onClick={onDismiss}>
      <CloseIcon size={16} />
    </IconButton>
  )
}
