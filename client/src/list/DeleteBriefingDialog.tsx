/** Confirms deleting a briefing, which removes it for everyone and cannot be undone. */
import { useState } from 'react'
import { errorMessage } from '../api/apiError'
import type { BriefingRecord } from '../api/briefings'
import { Modal } from '../ui/Modal'

interface DeleteBriefingDialogProps {
  briefing: BriefingRecord
  onConfirm: () => Promise<void>
  onClose: () => void
}

export function DeleteBriefingDialog({ briefing, onConfirm, onClose }: DeleteBriefingDialogProps) {
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
    <Modal title="Delete this briefing?" onDismiss={busy ? undefined : onClose}>
      <p className="modal__text">
        <strong>{briefing.title}</strong> will be deleted for everyone, including anyone editing it
        right now. This cannot be undone.
      </p>
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
          {busy ? 'Deleting…' : 'Delete briefing'}
        </button>
      </div>
    </Modal>
  )
}
