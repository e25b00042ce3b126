/**
 * The link editor under the toolbar's link button: type or paste an address, apply it to the
 * selection (or insert it as text when nothing is selected), or remove an existing link.
 */
import type { Editor } from '@tiptap/react'
import { type FormEvent, useEffect, useRef, useState } from 'react'
import { normalizeLinkHref } from './linkHref'

interface LinkPopoverProps {
  editor: Editor
  onClose: () => void
}

export function LinkPopover({ editor, onClose }: LinkPopoverProps) {
  const existing = editor.getAttributes('link').href as string | undefined
  const [value, setValue] = useState(existing ?? '')
  const [error, setError] = useState<string | null>(null)
  const ref = useRef<HTMLFormElement>(null)

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose()
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [onClose])

  const apply = (event: FormEvent) => {
    event.preventDefault()
    const result = normalizeLinkHref(value)
    if ('error' in result) {
      setError(result.error)
      return
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
    onClose()
  }

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run()
    onClose()
  }

  return (
    <form
      ref={ref}
      className="popover link-popover"
      onSubmit={apply}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          editor.commands.focus()
          onClose()
        }
      }}
      noValidate
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
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="popover__actions">
        {existing && (
          <button type="button" className="button button--ghost button--small" onClick={remove}>
            Remove link
          </button>
        )}
        <button type="submit" className="button button--primary button--small">
          {existing ? 'Update' : 'Add link'}
        </button>
      </div>
    </form>
  )
}
