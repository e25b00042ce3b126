/**
 * A modal that asks before a destructive action: explains it, runs it on confirm, shows the
 * server's error in place and stays open (and undismissable) while the action runs.
 */
import { type ReactNode, useState } from 'react'
import { errorMessage } from '../api/apiError'
import { Modal } from './Modal'

interface ConfirmDialogProps {
  title: string
  children: ReactNode
  /** Label of the confirm button, and while the action runs. */
  confirmLabel: string
  busyLabel: string
  /** The action; the dialog closes when it resolves and shows its error when it throws. */
  onConfirm: () => Promise<void>
  onClose: () => void
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, children, confirmLabel, busyLabel, onConfirm, onClose } = props
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const confirm = async () => {
    setBusy(true)
    setError(null)
    try {
      await onConfirm()
      onClose()
    } catch (err) {
      setError(errorMessage(err))
      setBusy(false)
    }
  }

  return (
    <Modal title={title} onDismiss={busy ? undefined : onClose}>
      <p className="modal__text">{children}</p>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="modal__actions">
        <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button button--danger" onClick={confirm} disabled={busy}>
          {busy ? busyLabel : confirmLabel}
        </button>
      </div>
    </Modal>
  )
}
