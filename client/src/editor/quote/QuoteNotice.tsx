/**
 * The banner at the top of a quote block that is not plainly verified: red for altered
 * words (each departure spelled out), amber for a source that is missing, and amber for a
 * speaker nobody confirmed or a person changed, with the actions that settle it.
 */
import type { ReactNode } from 'react'
import { AlertIcon, CheckCircleIcon } from '../../sources/icons'
import type { DifferenceView, VerificationView } from './verificationView'

interface QuoteNoticeProps {
  view: VerificationView
  /** Buttons for a speaker notice (confirm, change); null when the reader cannot edit. */
  speakerActions: ReactNode
}

export function QuoteNotice({ view, speakerActions }: QuoteNoticeProps) {
  switch (view.tone) {
    case 'verified':
      return null
    case 'altered':
      return (
        <div className="quote-block__alert" role="alert">
          <AlertIcon />
          <div>
            <strong className="quote-block__alert-title">{view.label}</strong>
            <ul className="quote-block__differences">
              {view.differences.map((difference) => (
                <li key={difference.sentence}>
                  <DifferenceText difference={difference} />
                </li>
              ))}
            </ul>
          </div>
        </div>
      )
    case 'missing':
    case 'unconfirmed':
    case 'changed':
      return (
        <output className={`quote-block__warning quote-block__warning--${view.tone}`}>
          <AlertIcon />
          <div>
            <strong>{view.label}</strong>
            <p>{view.detail}</p>
            {view.tone !== 'missing' && speakerActions && (
              <div className="quote-block__warning-actions">{speakerActions}</div>
            )}
          </div>
        </output>
      )
  }
}

/** A difference as its changed words side by side, or as a sentence when there are none. */
function DifferenceText({ difference }: { difference: DifferenceView }) {
  const { change } = difference
  if (!change) return <>{difference.sentence}</>
  const around = (words: string) => (
    <>
      {'\u201C'}
      {change.before && `${change.before} `}
      <mark className="quote-change">{words}</mark>
      {change.after && ` ${change.after}`}
      {'\u201D'}
    </>
  )
  return (
    <span className="quote-block__change">
      <span>
        <span className="quote-block__change-label">Quote:</span> {around(change.quoteWords)}
      </span>
      <span>
        <span className="quote-block__change-label">Source:</span> {around(change.sourceWords)}
      </span>
    </span>
  )
}

/** The footer's one-line status. */
export function StatusLine({ view }: { view: VerificationView }) {
  switch (view.tone) {
    case 'verified':
      return (
        <span className="quote-status quote-status--verified" title={view.detail}>
          <CheckCircleIcon size={15} />
          {view.label}
          {view.detail && <span className="quote-status__detail">{view.detail}</span>}
        </span>
      )
    case 'unconfirmed':
    case 'changed':
      return <span className="quote-status quote-status--speaker">Speaker not verified</span>
    case 'altered':
      return <span className="quote-status quote-status--altered">Not verified</span>
    case 'missing':
      return <span className="quote-status quote-status--missing">Not verified</span>
  }
}
