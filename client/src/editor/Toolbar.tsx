/** The formatting toolbar above the document. Reads editor state, issues editor commands. */
import { type Editor, useEditorState } from '@tiptap/react'
import { useState } from 'react'
import { SOURCES_LIST } from '../../../shared/schema/nodes/sourcesList'
import { CiteIcon, LibraryIcon, SourcesListIcon } from '../sources/icons'
import { useSourcesContext } from '../sources/sourcesContext'
import { useSourceList } from '../sources/useSources'
import {
  BoldIcon,
  BulletListIcon,
  ItalicIcon,
  LinkIcon,
  OrderedListIcon,
  QuoteIcon,
  RedoIcon,
  UndoIcon,
} from '../ui/icons'
import { LinkPopover } from './LinkPopover'
import { CitePopover } from './quote/CitePopover'
import { ToolbarButton } from './ToolbarButton'

interface ToolbarProps {
  editor: Editor
  linkOpen: boolean
  onLinkOpenChange: (open: boolean) => void
  sourcesOpen: boolean
  onSourcesOpenChange: (open: boolean) => void
}

const headingLevels = [1, 2, 3] as const

export function Toolbar({
  editor,
  linkOpen,
  onLinkOpenChange,
  sourcesOpen,
  onSourcesOpenChange,
}: ToolbarProps) {
  const sources = useSourceList(useSourcesContext().library)
  const [citeOpen, setCiteOpen] = useState(false)
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      editable: e.isEditable,
      heading: headingLevels.map((level) => e.isActive('heading', { level })),
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      link: e.isActive('link'),
      blockquote: e.isActive('blockquote'),
      cite: e.isActive('cite'),
      hasSelection: !e.state.selection.empty,
      hasSourcesList: hasNode(e, SOURCES_LIST),
      canUndo: e.isEditable && e.can().undo(),
      canRedo: e.isEditable && e.can().redo(),
    }),
  })
  const off = !state.editable
  const run = () => editor.chain().focus()

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <div className="toolbar__group">
        {headingLevels.map((level, i) => (
          <ToolbarButton
            key={level}
            label={`Heading ${level}`}
            shortcut={`Mod-Alt-${level}`}
            active={state.heading[i] ?? false}
            disabled={off}
            onClick={() => run().toggleHeading({ level }).run()}
          >
            <span className="toolbar__text">H{level}</span>
          </ToolbarButton>
        ))}
      </div>
      <span className="toolbar__separator" />
      <div className="toolbar__group">
        <ToolbarButton
          label="Bold"
          shortcut="Mod-b"
          active={state.bold}
          disabled={off}
          onClick={() => run().toggleBold().run()}
        >
          <BoldIcon />
        </ToolbarButton>
        <ToolbarButton
          label="Italic"
          shortcut="Mod-i"
          active={state.italic}
          disabled={off}
          onClick={() => run().toggleItalic().run()}
        >
          <ItalicIcon />
        </ToolbarButton>
        <div className="toolbar__anchor">
          <ToolbarButton
            label="Link"
            shortcut="Mod-k"
            active={state.link || linkOpen}
            disabled={off}
            onClick={() => onLinkOpenChange(!linkOpen)}
          >
            <LinkIcon />
          </ToolbarButton>
          {linkOpen && <LinkPopover editor={editor} onClose={() => onLinkOpenChange(false)} />}
        </div>
      </div>
      <span className="toolbar__separator" />
      <div className="toolbar__group">
        <ToolbarButton
          label="Bulleted list"
          shortcut="Mod-Shift-8"
          active={state.bulletList}
          disabled={off}
          onClick={() => run().toggleBulletList().run()}
        >
          <BulletListIcon />
        </ToolbarButton>
        <ToolbarButton
          label="Numbered list"
          shortcut="Mod-Shift-7"
          active={state.orderedList}
          disabled={off}
          onClick={() => run().toggleOrderedList().run()}
        >
          <OrderedListIcon />
        </ToolbarButton>
        <ToolbarButton
          label="Quote"
          shortcut="Mod-Shift-b"
          active={state.blockquote}
          disabled={off}
          onClick={() => run().toggleBlockquote().run()}
        >
          <QuoteIcon />
        </ToolbarButton>
      </div>
      <span className="toolbar__separator" />
      <div className="toolbar__group">
        <div className="toolbar__anchor">
          <ToolbarButton
            label={
              sources.length === 0
                ? 'Cite source (add a source first)'
                : state.cite
                  ? 'Edit citation'
                  : 'Cite source for the selected words'
            }
            active={state.cite || citeOpen}
            disabled={off || sources.length === 0 || !(state.hasSelection || state.cite)}
            onClick={() => setCiteOpen(!citeOpen)}
          >
            <CiteIcon />
          </ToolbarButton>
          {citeOpen && (
            <CitePopover editor={editor} sources={sources} onClose={() => setCiteOpen(false)} />
          )}
        </div>
        <ToolbarButton
          label={state.hasSourcesList ? 'The briefing has a sources list' : 'Insert sources list'}
          disabled={off || state.hasSourcesList}
          onClick={() => run().insertSourcesList().run()}
        >
          <SourcesListIcon />
        </ToolbarButton>
      </div>
      <div className="toolbar__group toolbar__group--end">
        <ToolbarButton
          label="Undo your last change"
          shortcut="Mod-z"
          disabled={!state.canUndo}
          onClick={() => run().undo().run()}
        >
          <UndoIcon />
        </ToolbarButton>
        <ToolbarButton
          label="Redo"
          shortcut="Mod-Shift-z"
          disabled={!state.canRedo}
          onClick={() => run().redo().run()}
        >
          <RedoIcon />
        </ToolbarButton>
        <span className="toolbar__separator" />
        <button
          type="button"
          className={`toolbar__toggle${sourcesOpen ? ' toolbar__toggle--active' : ''}`}
          aria-pressed={sourcesOpen}
          aria-label="Sources panel"
          title={sourcesOpen ? 'Hide sources' : 'Show sources'}
          onClick={() => onSourcesOpenChange(!sourcesOpen)}
        >
          <LibraryIcon />
          <span>Sources</span>
          {sources.length > 0 && <span className="toolbar__badge">{sources.length}</span>}
        </button>
      </div>
    </div>
  )
}

/** Whether the document holds a node of type `name` anywhere. */
function hasNode(editor: Editor, name: string): boolean {
  let found = false
  editor.state.doc.descendants((node) => {
    if (node.type.name === name) found = true
    return !found
  })
  return found
}
