/** The unmistakable notice above a briefing the user may read but not change. */
import type { BriefingRole } from '../../../shared/access'
import { EyeIcon } from '../ui/icons'

export function ReadOnlyBanner({ role }: { role: BriefingRole | undefined }) {
  return (
    <output className="read-only-banner" data-testid="read-only-banner">
      <span className="read-only-banner__icon">
        <EyeIcon size={18} />
      </span>
      {role === 'commenter' ? (
        <p>
          <strong>Comment only</strong> — you can read, follow live edits and comment: select words
          and open Comments. Ask the owner for edit access if you need to change the text.
        </p>
      ) : (
        <p>
          <strong>View only</strong> — you can read and follow live edits. Ask the owner for edit
          access if you need to change something.
        </p>
      )}
    </output>
  )
}
