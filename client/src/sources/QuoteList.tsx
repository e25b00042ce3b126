/**
 * A source's extracted quotes, grouped by speaker, with a search box. Each quote can be
 * inserted at the cursor (click it, or its Insert button) or dragged into the document. Quotes
 * whose speaker the text does not confirm are grouped apart, each with its probable speaker,
 * and inserting one first asks who said it: a person confirms the probable speaker, picks
 * another, or inserts it marked unconfirmed. Every quote shows the evidence for its speaker
 * on hover or focus, and any quote can be inserted with another speaker.
 */
import { useId, useMemo, useState } from 'react'
import {
  attributionEvidence,
  type ExtractedQuote,
  probableSpeaker,
  type Source,
  speakerConfirmed,
} from '../../../shared/sources'
import { SpeakerForm } from '../editor/quote/SpeakerForm'
import { writeQuoteDrag } from './dragData'
import { AlertIcon, BookOpenIcon, InsertIcon, SearchIcon } from './icons'
import { groupQuotesBySpeaker } from './quoteGroups'
import { type Attribution, quoteFromExtracted } from './quoteInput'
import { speakerChoices } from './speakerChoices'

interface QuoteListProps {
  source: Source
  /**
   * Inserts the quote at the cursor, with the importer's speaker or the one a person chose;
   * null when the document is read-only.
   */
  onInsert: ((quote: ExtractedQuote, attribution?: Attribution) => void) | null
  onShowInText: (quote: ExtractedQuote) => void
}

export function QuoteList({ source, onInsert, onShowInText }: QuoteListProps) {
  const [query, setQuery] = useState('')
  // The quote (by index) whose speaker is being asked before it is inserted.
  const [asking, setAsking] = useState<number | null>(null)
  const searchId = useId()
  const groups = groupQuotesBySpeaker(source.quotes, query)
  const choices = useMemo(() => speakerChoices(source), [source])

  // A speaker the text confirms goes in as it is; any other is asked first.
  const insert = (quote: ExtractedQuote, index: number) => {
    if (!onInsert) return
    if (speakerConfirmed(quote)) onInsert(quote)
    else setAsking(index)
  }

  if (source.quotes.length === 0) {
    return (
      <p className="panel-note">
        No quotations were found in this source. Open the full text and select a passage to quote
        it.
      </p>
    )
  }

  return (
    <div className="quote-list">
      <div className="search-field">
        <label htmlFor={searchId} className="visually-hidden">
          Search quotes
        </label>
        <SearchIcon />
        <input
          id={searchId}
          className="input input--small search-field__input"
          type="search"
          placeholder="Search quotes or speakers"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>
      {groups.length === 0 && <p className="panel-note">No quotes match “{query.trim()}”.</p>}
      {groups.map((group) => (
        <section
          key={group.key}
          className={`speaker-group${group.key === '' ? ' speaker-group--unconfirmed' : ''}`}
          aria-label={group.speaker ?? UNCONFIRMED}
        >
          <header className="speaker-group__header">
            <span className="speaker-group__name">
              {group.key === '' && <AlertIcon size={14} />}
              {group.speaker ?? UNCONFIRMED}
            </span>
            {group.speakerRole && <span className="speaker-group__role">{group.speakerRole}</span>}
            <span className="speaker-group__count">{group.quotes.length}</span>
          </header>
          <ul className="speaker-group__quotes">
            {group.quotes.map(({ quote, index }) => (
              <li
                key={index}
                className={`quote-card${onInsert ? ' quote-card--draggable' : ''}`}
                draggable={onInsert !== null}
                onDragStart={(event) => {
                  writeQuoteDrag(event.dataTransfer, quoteFromExtracted(source, quote))
                }}
              >
                <button
                  type="button"
                  className="quote-card__text"
                  title={onInsert ? 'Insert at the cursor, or drag into the text' : undefined}
                  onClick={() => (onInsert ? insert(quote, index) : onShowInText(quote))}
                >
                  “{quote.text}”
                </button>
                {group.key === '' && <ProbableSpeaker quote={quote} />}
                <div className="quote-card__footer">
                  <span
                    className="quote-card__meta quote-card__evidence"
                    title={attributionEvidence(source, quote)}
                  >
                    Para. {quote.paragraph}
                    {quote.kind === 'partial' && ' · fragment'}
                    {/* The tooltip's evidence, for screen readers. */}
                    <span className="visually-hidden">. {attributionEvidence(source, quote)}</span>
                  </span>
                  <button
                    type="button"
                    className="quote-card__action"
                    onClick={() => onShowInText(quote)}
                    title="Show in the full text"
                  >
                    <BookOpenIcon size={14} />
                    <span className="visually-hidden">Show in text</span>
                  </button>
                  {onInsert && group.key !== '' && (
                    <button
                      type="button"
                      className="quote-card__action quote-card__action--other"
                      onClick={() => setAsking(index)}
                      title="Insert with another speaker"
                    >
                      Other speaker…
                    </button>
                  )}
                  {onInsert && (
                    <button
                      type="button"
                      className="quote-card__action quote-card__action--insert"
                      onClick={() => insert(quote, index)}
                    >
                      <InsertIcon size={14} />
                      Insert
                    </button>
                  )}
                </div>
                {onInsert && asking === index && (
                  <SpeakerForm
                    className="quote-card__speaker-form"
                    title="Who said this?"
                    note={
                      speakerConfirmed(quote)
                        ? `The text attributes it to ${quote.speaker}.`
                        : 'The text does not say for certain. Confirm the speaker, pick another, or insert it marked unconfirmed.'
                    }
                    initial={{
                      speaker: probableSpeaker(quote),
                      speakerRole: quote.speakerRole,
                    }}
                    choices={choices}
                    submitLabel={(speaker) =>
                      speaker ? `Insert as ${speaker}` : 'Insert unattributed'
                    }
                    onSubmit={(answer) => {
                      setAsking(null)
                      onInsert(quote, { ...answer, checked: answer.speaker !== null })
                    }}
                    onCancel={() => setAsking(null)}
                    extra={
                      speakerConfirmed(quote) || !probableSpeaker(quote) ? null : (
                        <button
                          type="button"
                          className="button button--ghost button--small"
                          onClick={() => {
                            setAsking(null)
                            onInsert(quote)
                          }}
                        >
                          Insert unconfirmed
                        </button>
                      )
                    }
                  />
                )}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}

const UNCONFIRMED = 'Speaker unconfirmed'

/** Who an unconfirmed quote is probably by, or that the text names nobody. */
function ProbableSpeaker({ quote }: { quote: ExtractedQuote }) {
  const probable = probableSpeaker(quote)
  return (
    <p className="quote-card__probable">
      {probable ? (
        <>
          Probably <strong>{probable}</strong>
          {quote.speakerRole && `, ${quote.speakerRole}`}
        </>
      ) : (
        'The text names no speaker'
      )}
    </p>
  )
}
