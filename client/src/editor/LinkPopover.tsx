/**
 * The link editor under the toolbar's link button: type or paste an address, apply it to the
 * selection (or insert it as text when nothing is selected), or remove an existing link.
 */
import type { Editor } from '@tiptap/react'
import { useState } from 'react'
import { normalizeLinkHref } from './linkHref'
import { MarkPopover } from './MarkPopover'

interface LinkPopoverProps {
  editor: Editor
  onClose: () => void
}

export function LinkPopover({ editor, onClose }: LinkPopoverProps) {
  const existing = editor.getAttributes('link').href as string | undefined
  const [value, setValue] = useState(existing ?? '')
  const [error, setError] = useState<string | null>(null)

  const apply = (): boolean => {
    const result = normalizeLinkHref(value)
    if ('error' in result) {
      setError(result.error)
      return false
    }
    const { href } = result
    const chain = editor.chain().focus()
    if (editor.state.selection.empty && !editor.isActive('link')) {
      chain.insertContent({
        type: 'text',
        text: value.trim(),
        marks: [{ type: 'link', attrs: { href } }],
      })
    } else {
      chain.extendMarkRange('link').setLink({ href })
    }
    chain.run()
    return true
  }

  return (
    <MarkPopover
      editor={editor}
      className="link-popover"
      error={error}
      submitLabel={existing ? 'Update' : 'Add link'}
      onApply={apply}
      remove={
        existing
          ? {
              label: 'Remove link',
              run: () => editor.chain().focus().extendMarkRange('link').unsetLink().run(),
            }
          : null
      }
      onClose={onClose}
    >
      <label className="field">
        <span className="field__label">Link address</span>
        <input
          className="input"
          // biome-ignore lint/a11y/noAutofocus: the popover opens to take exactly this input.
          autoFocus
          type="url"
          inputMode="url"
          placeholder="https://example.com/report"
          value={value}
          aria-invalid={error !== null}
          onChange={(event) => {
            setValue(event.target.value)
            setError(null)
          }}
        />
      </label>
    </MarkPopover>
  )
}
