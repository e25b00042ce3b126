/** One source in the panel: what it is, then its quotes or its full text. */
import type { ExtractedQuote, Source } from '../../../shared/sources'
import { ChevronLeftIcon } from './icons'
import { QuoteList } from './QuoteList'
import type { Attribution } from './quoteInput'
import type { BodyRange } from './readerSegments'
import { SourceActions } from './SourceActions'
import { SourceReader } from './SourceReader'
import { quoteCount, SOURCE_KIND_LABELS, sourceByline, sourceTitle } from './sourceLabels'

/** Which of the source's two views is showing. */
export type SourceTab = 'quotes' | 'text'

interface SourceDetailProps {
  source: Source
  tab: SourceTab
  focus: BodyRange | null
  onTab: (tab: SourceTab, focus?: BodyRange | null) => void
  onBack: () => void
  briefingId: string
  /** Whether the user may correct or remove the source. */
  editable: boolean
  onRemoved: (title: string) => void
  /** Null when the document is read-only. */
  onInsertQuote: ((quote: ExtractedQuote, attribution?: Attribution) => void) | null
  onQuoteRange: ((range: BodyRange, attribution: Attribution) => boolean) | null
}

export function SourceDetail({
  source,
  tab,
  focus,
  onTab,
  onBack,
  briefingId,
  editable,
  onRemoved,
  onInsertQuote,
  onQuoteRange,
}: SourceDetailProps) {
  const byline = sourceByline(source)
  return (
    <div className="source-detail">
      <div className="source-detail__head">
        <button type="button" className="back-button" onClick={onBack}>
          <ChevronLeftIcon />
          All sources
        </button>
        <h3 className="source-detail__title">{sourceTitle(source)}</h3>
        <p className="source-detail__meta">
          <span className="kind-chip">{SOURCE_KIND_LABELS[source.kind]}</span>
          {source.byline && <span>{source.byline}</span>}
          {byline && <span>{byline}</span>}
        </p>
        {source.url && (
          <a className="source-detail__url" href={source.url} target="_blank" rel="noreferrer">
            {source.url}
          </a>
        )}
        {editable && (
          <SourceActions briefingId={briefingId} source={source} onRemoved={onRemoved} />
        )}
        <div className="tabs" role="tablist" aria-label="Source views">
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'quotes'}
            className="tabs__tab"
            onClick={() => onTab('quotes')}
          >
            Quotes <span className="tabs__count">{source.quotes.length}</span>
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'text'}
            className="tabs__tab"
            onClick={() => onTab('text')}
          >
            Full text
          </button>
        </div>
      </div>
      <div
        className="source-detail__body"
        role="tabpanel"
        aria-label={tab === 'quotes' ? quoteCount(source.quotes.length) : 'Full text'}
      >
        {tab === 'quotes' ? (
          <QuoteList
            source={source}
            onInsert={onInsertQuote}
            onShowInText={(quote) => onTab('text', { start: quote.start, end: quote.end })}
          />
        ) : (
          <SourceReader source={source} focus={focus} onQuote={onQuoteRange} />
        )}
      </div>
    </div>
  )
}
