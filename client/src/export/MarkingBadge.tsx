/**
 * The briefing's handling marking where people look: a badge in the editor header (which
 * opens the settings that set it) and a line at the top of the page, as the export prints it.
 */
import { MarkingIcon } from './icons'

interface MarkingBadgeProps {
  marking: string
  onOpenSettings: () => void
}

export function MarkingBadge({ marking, onOpenSettings }: MarkingBadgeProps) {
  return (
    <button
      type="button"
      className="marking-badge"
      title={`Handling marking: ${marking}. Printed on every page of exports.`}
      aria-label={`Handling marking: ${marking}`}
      data-testid="marking-badge"
      onClick={onOpenSettings}
    >
      <MarkingIcon />
      <span className="marking-badge__text">{marking}</span>
    </button>
  )
}

/** The marking above the title, centred in capitals like the printed page header. */
export function PaperMarking({ marking }: { marking: string }) {
  return (
    <p className="paper-marking" title="Handling marking, printed on every page of exports">
      {marking}
    </p>
  )
}
