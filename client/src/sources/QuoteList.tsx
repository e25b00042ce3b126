/**
 * A source's extracted quotes, grouped by speaker, with a search box. Each quote can be
 * inserted at the cursor (click it, or its Insert button) or dragged into the document. Quotes
 * whose speaker the text does not confirm are grouped apart, each with its probable speaker;
 * every quote shows the evidence for its speaker on hover or focus.
 */
import { useId, useState } from 'react'
import {
  attributionEvidence,
  type ExtractedQuote,
  probableSpeaker,
  type Source,
} from '../../../shared/sources'
import { writeQuoteDrag } from './dragData'
import { AlertIcon, BookOpenIcon, InsertIcon, SearchIcon } from './icons'
import { groupQuotesBySpeaker } from './quoteGroups'
import { quoteFromExtracted } from './quoteInput'

interface QuoteListProps {
  source: Source
  /** Inserts the quote at the cursor; null when the document is read-only. */
  onInsert: ((quote: ExtractedQuote) => void) | null
  onShowInText: (quote: ExtractedQuote) => void
}

export function QuoteList({ source, onInsert, onShowInText }: QuoteListProps) {
  const [query, setQuery] = useState('')
  const searchId = useId()
  const groups = groupQuotesBySpeaker(source.quotes, query)

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
                  onClick={() => (onInsert ? onInsert(quote) : onShowInText(quote))}
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
                  {onInsert && (
                    <button
                      type="button"
                      className="quote-card__action quote-card__action--insert"
                      onClick={() => onInsert(quote)}
                    >
                      <InsertIcon size={14} />
                      Insert
                    </button>
                  )}
                </div>
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
