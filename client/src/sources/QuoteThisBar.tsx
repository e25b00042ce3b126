/**
 * "Quote this" under a passage selected in the source reader. It shows who the importer
 * says spoke the passage: a speaker the text confirms is inserted with one click (or the
 * person picks another); anything less (a probable speaker, or none) opens "Who said
 * this?" first, so an unconfirmed speaker never goes in looking verified. A speaker the
 * person typed or confirmed is recorded as checked by them.
 */
import { useEffect, useMemo, useRef } from 'react'
import type { PassageAttribution, Source } from '../../../shared/sources'
import { SpeakerForm } from '../editor/quote/SpeakerForm'
import { CheckCircleIcon, QuoteMarkIcon } from './icons'
import type { Attribution } from './quoteInput'
import { speakerChoices } from './speakerChoices'

interface QuoteThisBarProps {
  position: { top: number; left: number }
  proposal: PassageAttribution | null
  source: Source
  asking: boolean
  failed: boolean
  onAsk: () => void
  onQuote: (attribution: Attribution) => void
  onCancel: () => void
}

export function QuoteThisBar({
  position,
  proposal,
  source,
  asking,
  failed,
  onAsk,
  onQuote,
  onCancel,
}: QuoteThisBarProps) {
  const form = useRef<HTMLDivElement>(null)
  const choices = useMemo(() => speakerChoices(source), [source])
  const confirmed = proposal?.confirmed && proposal.speaker ? proposal : null

  // The form is taller than the button it replaces and may open below the panel's fold.
  useEffect(() => {
    if (asking) form.current?.scrollIntoView({ block: 'nearest' })
  }, [asking])

  if (!asking) {
    return (
      <div className="quote-this" style={position}>
        <button
          type="button"
          className="button button--primary button--small"
          // Keep the text selection while the button takes the click.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() =>
            confirmed
              ? onQuote({ speaker: confirmed.speaker, speakerRole: confirmed.speakerRole })
              : onAsk()
          }
        >
          <QuoteMarkIcon size={15} />
          Quote this
        </button>
        {confirmed && (
          <>
            <span className="quote-this__speaker" title="The text names this speaker">
              <CheckCircleIcon size={13} /> {confirmed.speaker}
            </span>
            <button
              type="button"
              className="button button--ghost button--small"
              onMouseDown={(event) => event.preventDefault()}
              onClick={onAsk}
            >
              Other speaker…
            </button>
          </>
        )}
        {!confirmed && proposal?.speaker && (
          <span className="quote-this__speaker">Probably {proposal.speaker}?</span>
        )}
        {failed && <span className="quote-this__error">Could not insert this passage.</span>}
      </div>
    )
  }

  const note = confirmed
    ? `The text attributes this passage to ${confirmed.speaker}.`
    : proposal?.speaker
      ? `The text does not say for certain; probably ${proposal.speaker}.`
      : null
  return (
    <div ref={form} className="quote-this quote-this--form" style={position}>
      <SpeakerForm
        title="Who said this?"
        note={note}
        initial={{
          speaker: proposal?.speaker ?? null,
          speakerRole: proposal?.speakerRole ?? null,
        }}
        choices={choices}
        submitLabel={(speaker) => (speaker ? 'Insert quote' : 'Insert unattributed')}
        onSubmit={(answer) => onQuote({ ...answer, checked: answer.speaker !== null })}
        onCancel={onCancel}
        error={failed ? 'Could not insert this passage.' : null}
        extra={
          proposal?.speaker && !confirmed ? (
            <button
              type="button"
              className="button button--ghost button--small"
              onClick={() => onQuote({ speaker: null, speakerRole: null })}
            >
              Insert unconfirmed
            </button>
          ) : null
        }
      />
    </div>
  )
}
