/**
 * The editor header's sharing control: "Share" for owners, who manage access in the dialog;
 * everyone else can open the same dialog to see who has access, without controls.
 */
import { Suspense, useState } from 'react'
import { can } from '../../../shared/access'
import type { BriefingRecord } from '../api/briefings'
import { ShareIcon, UsersIcon } from '../ui/icons'
import { lazyNamed } from '../ui/lazyNamed'

const ShareDialog = lazyNamed(() => import('./ShareDialog'), 'ShareDialog')

interface ShareButtonProps {
  briefing: BriefingRecord
  /** The briefing after its team access changed. */
  onBriefingChange: (briefing: BriefingRecord) => void
}

export function ShareButton({ briefing, onBriefingChange }: ShareButtonProps) {
  const [open, setOpen] = useState(false)
  const mayShare = !!briefing.role && can(briefing.role, 'share')
  return (
    <>
      <button
        type="button"
        className={`button button--small ${mayShare ? 'button--primary' : 'button--ghost'}`}
        onClick={() => setOpen(true)}
      >
        {mayShare ? <ShareIcon /> : <UsersIcon />}
        {mayShare ? 'Share' : 'Who has access'}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShareDialog
            briefing={briefing}
            mayShare={mayShare}
            onBriefingChange={onBriefingChange}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  )
}
