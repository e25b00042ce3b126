/** The sources in the briefing, newest last, as cards that open a source. */
import type { Source } from '../../../shared/sources'
import { DocumentIcon } from '../ui/icons'
import { LibraryIcon } from './icons'
import { quoteCount, SOURCE_KIND_LABELS, sourceByline, sourceTitle } from './sourceLabels'

interface SourceListProps {
  sources: readonly Source[]
  onOpen: (sourceId: string) => void
  /** Shown in the empty state when the user may add sources. */
  onAdd: (() => void) | null
}

export function SourceList({ sources, onOpen, onAdd }: SourceListProps) {
  if (sources.length === 0) {
    return (
      <div className="sources-empty">
        <span className="sources-empty__icon">
          <LibraryIcon size={22} />
        </span>
        <h3>No sources yet</h3>
        <p>
          Add an article, transcript or statement. Briefing finds the quotes in it, ready to drop
          into the text and checked against the original.
        </p>
        {onAdd && (
          <button type="button" className="button button--primary button--small" onClick={onAdd}>
            Add source
          </button>
        )}
      </div>
    )
  }
  return (
    <ul className="source-list" aria-label="Sources in this briefing">
      {sources.map((source) => {
        const byline = sourceByline(source)
        return (
          <li key={source.id}>
            <button type="button" className="source-card" onClick={() => onOpen(source.id)}>
              <span className="source-card__icon">
                <DocumentIcon size={16} />
              </span>
              <span className="source-card__main">
                <span className="source-card__title">{sourceTitle(source)}</span>
                {byline && <span className="source-card__byline">{byline}</span>}
                <span className="source-card__meta">
                  <span className="kind-chip">{SOURCE_KIND_LABELS[source.kind]}</span>
                  <span>{quoteCount(source.quotes.length)}</span>
                </span>
              </span>
            </button>
          </li>
        )
      })}
    </ul>
  )
}
