/**
 * The editor's extension list: the shared briefing schema plus client-only behaviour.
 *
 * Everything that defines the document comes from `briefingExtensions()`; this file swaps in
 * the quote and sources-list nodes with their node views (`.extend()` keeps the schema the
 * same), and adds extensions that add no nodes or marks: the collaboration binding, other
 * people's carets, live citation numbers, quote drops, the guard against typing over quote
 * blocks, "Link to a source" on plain blockquotes, the nesting limit, typographic quotes and
 * dashes as one types, undo steps that survive a co-author's typing (undoBursts.ts), the hook
 * suggesting mode plugs into and the portion-mark control. It imports no CSS so tests can
 * build its schema in Node and compare it with the server's.
 */
import type { AnyExtension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { CitationNumbers } from '../../../shared/citations/plugin'
import { briefingExtensions, DOCUMENT_FRAGMENT } from '../../../shared/schema'
import { SOURCE_QUOTE } from '../../../shared/schema/nodes/sourceQuoteAttrs'
import { SOURCES_LIST } from '../../../shared/schema/nodes/sourcesList'
import { getSource, listSources } from '../../../shared/sources'
import { Carets } from './carets'
import { PortionControl } from './markings/portionControl'
import { NestingLimit } from './nestingLimit'
import { BlockquoteLink } from './quote/blockquoteLink'
import { SourceQuoteWithView, SourcesListWithView } from './quote/nodeViews'
import { QuoteDrop } from './quote/quoteDrop'
import { QuoteGuard } from './quote/quoteGuard'
import { Suggesting } from './suggesting'
import { Typography } from './typography'
import { UndoBursts } from './undoBursts'

/** How the local user appears to others: the awareness `user` field. */
export interface AwarenessUser {
  name: string
  /** `#rrggbb`; the caret extension renders any other form as transparent. */
  color: string
}

/** What the collaborative editor is bound to. */
export interface CollaborationBinding {
  ydoc: Y.Doc
  provider: WebsocketProvider
  user: AwarenessUser
  /** Who inserts quotes (their `insertedBy`), read at insert time; defaults to `user.name`. */
  insertedBy?: () => string
  /** Opens the portion-mark menu for the caret's block. */
  openPortionMenu?: () => void
}

/** Builds a fresh extension list for one editor instance. */
export function clientExtensions({
  ydoc,
  provider,
  user,
  insertedBy = () => user.name,
  openPortionMenu = () => {},
}: CollaborationBinding): AnyExtension[] {
  const withViews = briefingExtensions().map((extension) => {
    // Commands check quotes against the sources in this briefing's Y.Doc.
    if (extension.name === SOURCE_QUOTE) {
      return SourceQuoteWithView.configure({ getSource: (id) => getSource(ydoc, id) })
    }
    if (extension.name === SOURCES_LIST) return SourcesListWithView.configure()
    return extension
  })
  return [
    ...withViews,
    Collaboration.configure({ document: ydoc, field: DOCUMENT_FRAGMENT }),
    UndoBursts,
    Carets.configure({ awareness: provider.awareness, user }),
    CitationNumbers,
    QuoteDrop.configure({ insertedBy }),
    QuoteGuard,
    BlockquoteLink.configure({ sources: () => listSources(ydoc), userName: insertedBy }),
    NestingLimit,
    Suggesting,
    PortionControl.configure({ onOpen: openPortionMenu }),
    Typography,
  ]
}
