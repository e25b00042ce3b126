/**
 * A modal dialog on the native `<dialog>` element, which gives focus trapping, Escape and a
 * backdrop without a library. Mount it to open it; unmount it to close it.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react'

interface ModalProps {
  title: string
  /** Called on Escape; omit to make the dialog impossible to dismiss (a required choice). */
  onDismiss?: () => void
  /** Extra class on the dialog, e.g. for a wider layout. */
  className?: string
  children: ReactNode
}

export function Modal({ title, onDismiss, className, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = ref.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  return (
    <dialog
      ref={ref}
      className={className ? `modal ${className}` : 'modal'}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault()
        onDismiss?.()
      }}
    >
      <h2 id={titleId} className="modal__title">
        {title}
      </h2>
      {children}
    </dialog>
  )
}
