/**
 * The sources list block: every source the briefing cites, numbered as the citations are.
 * The node stores nothing; the entries are recomputed from the document and the sources map
 * on every change, so the list cannot fall out of step with the text.
 */
import { NodeViewWrapper, type ReactNodeViewProps, useEditorState } from '@tiptap/react'
import { useSyncExternalStore } from 'react'
import { citedSources } from '../../../../shared/citations/sourcesList'
import { citationParts, SOURCE_KIND_LABELS } from '../../sources/sourceLabels'
import { useSourcesContext } from '../../sources/sourcesContext'
import { TrashIcon } from '../../ui/icons'

export function SourcesListView({ editor, selected, deleteNode }: ReactNodeViewProps) {
  const { library, openSource } = useSourcesContext()
  // Re-render when a source arrives: a cited source may reach this peer after the citation.
  useSyncExternalStore(library.subscribe, library.getSnapshot)
  const { editable, doc } = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ editable: e.isEditable, doc: e.state.doc }),
    // Documents are immutable: a new one is a change. A deep comparison would walk the schema.
    equalityFn: (a, b) => a.editable === b?.editable && a.doc === b?.doc,
  })
  const entries = citedSources(doc, library.get)

  return (
    <NodeViewWrapper
      as="section"
      className={`sources-list-block${selected ? ' sources-list-block--selected' : ''}`}
      aria-label="Sources"
    >
      <div className="sources-list-block__header">
        <h2 className="sources-list-block__title">Sources</h2>
        {editable && (
          <button
            type="button"
            className="icon-button icon-button--danger"
            aria-label="Remove sources list"
            title="Remove sources list"
            onClick={deleteNode}
          >
            <TrashIcon />
          </button>
        )}
      </div>
      {entries.length === 0 ? (
        <p className="sources-list-block__empty">
          No sources cited yet. Quotes and cited passages will be listed here, numbered in the order
          they first appear.
        </p>
      ) : (
        <ol className="sources-list-block__list">
          {entries.map(({ number, sourceId, source }) => {
            if (!source) {
              return (
                <li key={sourceId} className="sources-entry sources-entry--missing">
                  <span className="sources-entry__number">{number}</span>
                  <span>Source missing from this briefing.</span>
                </li>
              )
            }
            const { byline, title, publisher, date, url } = citationParts(source)
            return (
              <li key={sourceId} className="sources-entry">
                <span className="sources-entry__number">{number}</span>
                <span className="sources-entry__text">
                  {byline && <>{byline}. </>}
                  <button
                    type="button"
                    className="sources-entry__title"
                    onClick={() => openSource(sourceId)}
                  >
                    {title}
                  </button>
                  {publisher && <>. {publisher}</>}
                  {date && (
                    <>
                      , <span className="sources-entry__date">{date}</span>
                    </>
                  )}
                  . <span className="sources-entry__kind">{SOURCE_KIND_LABELS[source.kind]}</span>
                  {url && (
                    <>
                      {' '}
                      <a className="sources-entry__url" href={url} target="_blank" rel="noreferrer">
                        {url}
                      </a>
                    </>
                  )}
                </span>
              </li>
            )
          })}
        </ol>
      )}
    </NodeViewWrapper>
  )
}
