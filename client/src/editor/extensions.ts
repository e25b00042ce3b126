/**
 * The editor's extension list: the shared briefing schema plus the collaboration layer.
 *
 * Everything that defines the document comes from `briefingExtensions()`; this file only adds
 * extensions that bind the editor to a Y.Doc and show other people's carets, neither of which
 * adds nodes or marks. Node views will be layered on with `.extend()`. It imports no CSS so
 * tests can build its schema in Node and compare it with the server's.
 */
import type { AnyExtension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { briefingExtensions, DOCUMENT_FRAGMENT } from '../../../shared/schema'

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
}

/** Builds a fresh extension list for one editor instance. */
export function clientExtensions({ ydoc, provider, user }: CollaborationBinding): AnyExtension[] {
  return [
    ...briefingExtensions(),
    Collaboration.configure({ document: ydoc, field: DOCUMENT_FRAGMENT }),
    CollaborationCaret.configure({ provider, user }),
  ]
}
