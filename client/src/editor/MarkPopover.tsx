/**
 * The frame of a popover that sets one mark on the selection (a link, a citation): a form
 * under its toolbar button that applies on submit, offers to remove a mark that is already
 * there, shows what is wrong with the input, and closes on Escape (back into the text) or on
 * a press anywhere outside it. The fields are the caller's.
 */
import type { Editor } from '@tiptap/core'
import { type FormEvent, type ReactNode, useEffect, useRef } from 'react'

interface MarkPopoverProps {
  editor: Editor
  /** The popover's own class, beside `popover`. */
  className: string
  title?: string
  /** What is wrong with the input, shown under the fields; null when nothing is. */
  error: string | null
  submitLabel: string
  /** Sets the mark; true when it did (the popover then closes), false after setting `error`. */
  onApply: () => boolean
  /** Removing the mark already on the selection; null when there is none. */
  remove: { label: string; run: () => void } | null
  onClose: () => void
  children: ReactNode
}

export function MarkPopover({
  editor,
  className,
  title,
  error,
  submitLabel,
  onApply,
  remove,
  onClose,
  children,
}: MarkPopoverProps) {
  const ref = useRef<HTMLFormElement>(null)

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose()
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [onClose])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (onApply()) onClose()
  }

  return (
    <form
      ref={ref}
      className={`popover ${className}`}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          editor.commands.focus()
          onClose()
        }
      }}
      noValidate
    >
      {title && <p className="popover__title">{title}</p>}
      {children}
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="popover__actions">
        {remove && (
          <button
            type="button"
            className="button button--ghost button--small"
            onClick={() => {
              remove.run()
              onClose()
            }}
          >
            {remove.label}
          </button>
        )}
        <button type="submit" className="button button--primary button--small">
          {submitLabel}
        </button>
      </div>
    </form>
  )
}
