/**
 * The toolbar's format toggles (headings, text marks, lists, blockquote) as data: each is a
 * node or mark that is active where the format applies, and the command that toggles it.
 */
import type { ChainedCommands, Editor } from '@tiptap/core'
import type { ReactNode } from 'react'
import {
  BoldIcon,
  BulletListIcon,
  HighlightIcon,
  ItalicIcon,
  OrderedListIcon,
  QuoteIcon,
  StrikeIcon,
  UnderlineIcon,
} from '../../ui/icons'
import { ToolbarButton } from './ToolbarButton'

/** One format toggle of the toolbar. */
export interface Format {
  /** The button's label, also the key of the format's state in `activeFormats`. */
  label: string
  shortcut: string
  /** The node or mark that is active where the format applies, with the attributes it has. */
  type: string
  attrs?: Record<string, unknown>
  toggle: (chain: ChainedCommands) => ChainedCommands
  icon: ReactNode
}

export const HEADINGS: readonly Format[] = ([1, 2, 3] as const).map((level) => ({
  label: `Heading ${level}`,
  shortcut: `Mod-Alt-${level}`,
  type: 'heading',
  attrs: { level },
  toggle: (chain) => chain.toggleHeading({ level }),
  icon: <span className="toolbar__text">H{level}</span>,
}))

export const TEXT_FORMATS: readonly Format[] = [
  {
    label: 'Bold',
    shortcut: 'Mod-b',
    type: 'bold',
    toggle: (chain) => chain.toggleBold(),
    icon: <BoldIcon />,
  },
  {
    label: 'Italic',
    shortcut: 'Mod-i',
    type: 'italic',
    toggle: (chain) => chain.toggleItalic(),
    icon: <ItalicIcon />,
  },
  {
    label: 'Underline',
    shortcut: 'Mod-u',
    type: 'underline',
    toggle: (chain) => chain.toggleUnderline(),
    icon: <UnderlineIcon />,
  },
  {
    label: 'Strikethrough',
    shortcut: 'Mod-Shift-s',
    type: 'strike',
    toggle: (chain) => chain.toggleStrike(),
    icon: <StrikeIcon />,
  },
  {
    label: 'Highlight',
    shortcut: 'Mod-Shift-h',
    type: 'highlight',
    toggle: (chain) => chain.toggleHighlight(),
    icon: <HighlightIcon />,
  },
]

export const BLOCK_FORMATS: readonly Format[] = [
  {
    label: 'Bulleted list',
    shortcut: 'Mod-Shift-8',
    type: 'bulletList',
    toggle: (chain) => chain.toggleBulletList(),
    icon: <BulletListIcon />,
  },
  {
    label: 'Numbered list',
    shortcut: 'Mod-Shift-7',
    type: 'orderedList',
    toggle: (chain) => chain.toggleOrderedList(),
    icon: <OrderedListIcon />,
  },
  {
    label: 'Quote',
    shortcut: 'Mod-Shift-b',
    type: 'blockquote',
    toggle: (chain) => chain.toggleBlockquote(),
    icon: <QuoteIcon />,
  },
]

/** Whether each format applies at the selection, by label. */
export function activeFormats(editor: Editor): Record<string, boolean> {
  const active: Record<string, boolean> = {}
  for (const format of [...HEADINGS, ...TEXT_FORMATS, ...BLOCK_FORMATS]) {
    active[format.label] = editor.isActive(format.type, format.attrs)
  }
  return active
}

interface FormatButtonsProps {
  editor: Editor
  formats: readonly Format[]
  /** From `activeFormats`. */
  active: Record<string, boolean>
  disabled: boolean
}

export function FormatButtons({ editor, formats, active, disabled }: FormatButtonsProps) {
  return formats.map((format) => (
    <ToolbarButton
      key={format.label}
      label={format.label}
      shortcut={format.shortcut}
      active={active[format.label] ?? false}
      disabled={disabled}
      onClick={() => format.toggle(editor.chain().focus()).run()}
    >
      {format.icon}
    </ToolbarButton>
  ))
}
