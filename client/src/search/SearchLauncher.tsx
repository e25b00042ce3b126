/**
 * The search button in the header, and Ctrl+K (⌘K on a Mac) from anywhere, which open the
 * search dialog. Inside the editable text Ctrl+K stays "add a link", as in other editors: the
 * editor takes the key first and marks it handled. The dialog is loaded when first opened.
 */
import { Suspense, useEffect, useState } from 'react'
import { isModKey, shortcutLabel } from '../editor/shortcuts'
import { navigate } from '../router/navigation'
import { lazyNamed } from '../ui/lazyNamed'
import { SearchIcon } from './SearchIcon'

const SearchDialog = lazyNamed(() => import('./SearchDialog'), 'SearchDialog')

export function SearchLauncher() {
  const [open, setOpen] = useState(false)

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.shiftKey || !isModKey(event, 'k')) return
      event.preventDefault()
      setOpen(true)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  return (
    <>
      <button
        type="button"
        className="search-launcher"
        onClick={() => setOpen(true)}
        aria-label="Search briefings and sources"
        aria-keyshortcuts="Control+K Meta+K"
        title={`Search (${shortcutLabel('Mod-k')})`}
      >
        <SearchIcon />
        <span className="search-launcher__label">Search</span>
        <kbd className="search-launcher__key">{shortcutLabel('Mod-k')}</kbd>
      </button>
      {open && (
        <Suspense fallback={null}>
          <SearchDialog
            onClose={() => setOpen(false)}
            onOpen={(result) => navigate({ page: 'editor', briefingId: result.briefingId })}
          />
        </Suspense>
      )}
    </>
  )
}
