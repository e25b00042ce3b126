/** Icons of the export menu, the settings dialog and the marking badge. */
import { Icon } from '../ui/icons'

type Sized = { size?: number }

export const DownloadIcon = ({ size = 16 }: Sized) => (
  <Icon size={size}>
    <path d="M12 4v11M7 10.5l5 5 5-5" />
    <path d="M5 19.5h14" />
  </Icon>
)

export const SlidersIcon = ({ size = 16 }: Sized) => (
  <Icon size={size}>
    <path d="M4 7h9M17 7h3M4 17h3M11 17h9" />
    <circle cx="15" cy="7" r="2" />
    <circle cx="9" cy="17" r="2" />
  </Icon>
)

/** A shield: the handling marking that travels with the document. */
export const MarkingIcon = ({ size = 14 }: Sized) => (
  <Icon size={size}>
    <path d="M12 3l7.5 3v5.5c0 4.4-3.1 8.1-7.5 9.5-4.4-1.4-7.5-5.1-7.5-9.5V6z" />
  </Icon>
)

export const FileIcon = ({ size = 18 }: Sized) => (
  <Icon size={size}>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
    <path d="M14 3v5h5" />
  </Icon>
)

/** The export's progress indicator; a CSS animation, so nothing inline for the CSP. */
export const Spinner = () => <span className="spinner" aria-hidden="true" />
