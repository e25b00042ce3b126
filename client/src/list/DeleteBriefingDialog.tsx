/** Confirms deleting a briefing, which removes it for everyone and cannot be undone. */
import type { BriefingRecord } from '../api/briefings'
import { ConfirmDialog } from '../ui/ConfirmDialog'

interface DeleteBriefingDialogProps {
  briefing: BriefingRecord
  onConfirm: () => Promise<void>
  onClose: () => void
}

export function DeleteBriefingDialog({ briefing, onConfirm, onClose }: DeleteBriefingDialogProps) {
  return (
    <ConfirmDialog
      title="Delete this briefing?"
      confirmLabel="Delete briefing"
      busyLabel="Deleting…"
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <strong>{briefing.title}</strong> will be deleted for everyone, including anyone editing it
      right now. This cannot be undone.
    </ConfirmDialog>
  )
}
