/**
 * The search dialog: one box that finds briefings by title and text and sources by title and
 * text, among what the user may read (GET /api/search), each with the passage that matched.
 * Arrow keys move through the results, Enter opens one, Escape closes. A combobox over a
 * listbox (WAI-ARIA), so a screen reader hears the active result while focus stays in the box.
 */
import { type KeyboardEvent, useId, useState } from 'react'
import type { SearchResult } from '../api/search'
import { Modal } from '../ui/Modal'
import { Highlighted } from './Highlighted'
import { useSearch } from './useSearch'

interface SearchDialogProps {
  onClose: () => void
  /** Goes to a chosen result (the launcher navigates, so this chunk carries no router). */
  onOpen: (result: SearchResult) => void
}

export function SearchDialog({ onClose, onOpen }: SearchDialogProps) {
  const [query, setQuery] = useState('')
  const [active, setActive] = useState(0)
  const state = useSearch(query)
  const listId = useId()
  const results = state.status === 'ready' || state.status === 'searching' ? state.results : []
  // A new query starts at its best match; a shorter list than before keeps within it.
  const current = Math.max(0, Math.min(active, results.length - 1))

  const open = (result: SearchResult) => {
    onClose()
    onOpen(result)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (results.length === 0) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((current + step + results.length) % results.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      const result = results[current]
      if (result) open(result)
    }
  }

  const optionId = (index: number) => `${listId}-${index}`
  return (
    <Modal title="Search" onDismiss={onClose} className="search-dialog">
      <input
        className="input search-dialog__input"
        // Not type="search": Chromium spends Escape on clearing such a box, not the dialog.
        type="text"
        role="combobox"
        aria-label="Search briefings and sources"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-activedescendant={results.length > 0 ? optionId(current) : undefined}
        aria-autocomplete="list"
        placeholder="Search titles, text and sources"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value)
          setActive(0)
        }}
        onKeyDown={onKeyDown}
        // biome-ignore lint/a11y/noAutofocus: the dialog exists to type a query
        autoFocus
      />
      <p className="search-dialog__status" aria-live="polite">
        {statusText(state)}
      </p>
      <div id={listId} className="search-dialog__results" role="listbox" aria-label="Results">
        {results.map((result, index) => (
          <div
            key={`${result.briefingId}/${result.sourceId ?? ''}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === current}
            tabIndex={-1}
            className="search-result"
            // Focus stays in the box: the result is chosen, not focused.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => open(result)}
            onKeyDown={(event) => event.key === 'Enter' && open(result)}
            onMouseEnter={() => setActive(index)}
          >
            <span className="search-result__kind">
              {result.type === 'source' ? 'Source' : 'Briefing'}
            </span>
            <span className="search-result__title">{result.title}</span>
            {result.type === 'source' && (
              <span className="search-result__where">in {result.briefingTitle}</span>
            )}
            {result.snippet && (
              <span className="search-result__snippet">
                <Highlighted text={result.snippet} highlights={result.highlights} />
              </span>
            )}
          </div>
        ))}
      </div>
    </Modal>
  )
}

function statusText(state: ReturnType<typeof useSearch>): string {
  switch (state.status) {
    case 'idle':
      return 'Type a word from a title, the text or a source.'
    case 'searching':
      return state.results.length === 0 ? 'Searching…' : ''
    case 'ready':
      return state.results.length === 0
        ? 'Nothing found.'
        : `${state.results.length} result${state.results.length === 1 ? '' : 's'}`
    case 'error':
      return `Search failed. ${state.message}`
  }
}
