/**
 * The Tiptap editor bound to a collaboration session, with its toolbar, on a document-like
 * page. The editor is created once per session; identity and editability changes are pushed
 * into the running editor instead of rebuilding it.
 */
import { EditorContent, useEditor } from '@tiptap/react'
import { type ReactNode, useEffect, useState } from 'react'
import type { Identity } from '../identity/identity'
import { clientExtensions } from './extensions'
import { isModKey } from './shortcuts'
import { Toolbar } from './Toolbar'
import type { CollabSession } from './useCollabSession'

interface DocumentEditorProps {
  session: CollabSession
  identity: Identity
  editable: boolean
  /** Rendered at the top of the page, above the text (the title). */
  header: (focusBody: () => void) => ReactNode
}

export function DocumentEditor({ session, identity, editable, header }: DocumentEditorProps) {
  const [linkOpen, setLinkOpen] = useState(false)
  const editor = useEditor(
    {
      extensions: clientExtensions({
        ydoc: session.ydoc,
        provider: session.provider,
        user: identity,
      }),
      // Nothing typed before the first sync: it would land in an empty document and then be
      // merged into the real one at an arbitrary place.
      editable: false,
      // Tiptap would otherwise add a <style> tag at runtime, which a strict CSP blocks; the same
      // rules live in styles/prosemirror.css.
      injectCSS: false,
      editorProps: {
        attributes: { class: 'document', 'aria-label': 'Briefing text', spellcheck: 'true' },
        handleKeyDown: (view, event) => {
          if (!view.editable || !isModKey(event, 'k')) return false
          event.preventDefault()
          setLinkOpen(true)
          return true
        },
      },
    },
    [session],
  )

  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable)
  }, [editor, editable])

  useEffect(() => {
    editor.commands.updateUser({ name: identity.name, color: identity.color })
  }, [editor, identity.name, identity.color])

  const focusBody = () => editor.commands.focus('start')

  return (
    <div className="editor-shell">
      <Toolbar editor={editor} linkOpen={linkOpen} onLinkOpenChange={setLinkOpen} />
      <article className="paper">
        {header(focusBody)}
        <EditorContent editor={editor} className="paper__body" />
      </article>
    </div>
  )
}
