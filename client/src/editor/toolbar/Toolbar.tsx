/** The formatting toolbar above the document. Reads editor state, issues editor commands. */
import type { Editor } from '@tiptap/react'
import { type ReactNode, Suspense, useState } from 'react'
import { CiteIcon, SourcesListIcon } from '../../sources/icons'
import { useSourcesContext } from '../../sources/sourcesContext'
import { useSourceList } from '../../sources/useSources'
import { LinkIcon, RedoIcon, UndoIcon } from '../../ui/icons'
import { lazyNamed } from '../../ui/lazyNamed'
import type { SuggestingMode } from '../useSuggestingMode'
import { CommentsToggle } from './CommentsToggle'
import { BLOCK_FORMATS, type Format, FormatButtons, HEADINGS, TEXT_FORMATS } from './formats'
import { ModeSwitch } from './ModeSwitch'
import { PopoverButton } from './PopoverButton'
import { SourcesToggle } from './SourcesToggle'
import { ToolbarButton } from './ToolbarButton'
import { useToolbarState } from './useToolbarState'

// The link editor loads when first opened, not with the page (the editor page's script budget).
const LinkPopover = lazyNamed(() => import('../LinkPopover'), 'LinkPopover')
// Opened on demand, like the link popover: kept out of the editor page's first load.
const CitePopover = lazyNamed(() => import('../quote/CitePopover'), 'CitePopover')

interface ToolbarProps {
  editor: Editor
  linkOpen: boolean
  onLinkOpenChange: (open: boolean) => void
  sourcesOpen: boolean
  onSourcesOpenChange: (open: boolean) => void
  commentsOpen: boolean
  onCommentsOpenChange: (open: boolean) => void
  mode: SuggestingMode
  /** A popover opened from outside the toolbar (the portion-mark menu), placed under it. */
  children?: ReactNode
}

export function Toolbar({
  editor,
  linkOpen,
  onLinkOpenChange,
  sourcesOpen,
  onSourcesOpenChange,
  commentsOpen,
  onCommentsOpenChange,
  mode,
  children,
}: ToolbarProps) {
  const sources = useSourceList(useSourcesContext().library)
  const [citeOpen, setCiteOpen] = useState(false)
  const state = useToolbarState(editor)
  const off = !state.editable
  const run = () => editor.chain().focus()
  const formatButtons = (formats: readonly Format[]) => (
    <FormatButtons editor={editor} formats={formats} active={state.formats} disabled={off} />
  )

  return (
    <div className="toolbar" role="toolbar" aria-label="Formatting">
      <div className="toolbar__group">{formatButtons(HEADINGS)}</div>
      <span className="toolbar__separator" />
      <div className="toolbar__group">
        {formatButtons(TEXT_FORMATS)}
        <PopoverButton
          label="Link"
          shortcut="Mod-k"
          marked={state.link}
          disabled={off}
          open={linkOpen}
          onOpenChange={onLinkOpenChange}
          popover={(close) => (
            <Suspense fallback={null}>
              <LinkPopover editor={editor} onClose={close} />
            </Suspense>
          )}
        >
          <LinkIcon />
        </PopoverButton>
      </div>
      <span className="toolbar__separator" />
      <div className="toolbar__group">{formatButtons(BLOCK_FORMATS)}</div>
      <span className="toolbar__separator" />
      <div className="toolbar__group">
        <PopoverButton
          label={citeLabel(sources.length, state.cite)}
          marked={state.cite}
          disabled={off || sources.length === 0 || !(state.hasSelection || state.cite)}
          open={citeOpen}
          onOpenChange={setCiteOpen}
          popover={(close) => (
            <Suspense fallback={null}>
              <CitePopover editor={editor} sources={sources} onClose={close} />
            </Suspense>
          )}
        >
          <CiteIcon />
        </PopoverButton>
        <ToolbarButton
          label={state.hasSourcesList ? 'The briefing has a sources list' : 'Insert sources list'}
          disabled={off || state.hasSourcesList}
          onClick={() => run().insertSourcesList().run()}
        >
          <SourcesListIcon />
        </ToolbarButton>
      </div>
      <div className="toolbar__group toolbar__group--end">
        {state.editable && (
          <ModeSwitch suggesting={mode.suggesting} disabled={off} onChange={mode.choose} />
        )}
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
        <CommentsToggle open={commentsOpen} onOpenChange={onCommentsOpenChange} />
        <SourcesToggle
          open={sourcesOpen}
          onOpenChange={onSourcesOpenChange}
          count={sources.length}
        />
      </div>
      {children}
    </div>
  )
}

function citeLabel(sourceCount: number, cited: boolean): string {
  if (sourceCount === 0) return 'Cite source (add a source first)'
  return cited ? 'Edit citation' : 'Cite source for the selected words'
}
