/** Icons of the sources panel and quote blocks, drawn in the shared icon frame. */
import { Icon } from '../ui/icons'

type Sized = { size?: number }

export const LibraryIcon = ({ size = 18 }: Sized) => (
  <Icon size={size}>
    <path d="M5 4h3v16H5zM10 4h3v16h-3z" />
    <path d="M15.5 5.2l2.9-.8 3.6 14.5-2.9.8z" />
  </Icon>
)

export const CiteIcon = ({ size = 18 }: Sized) => (
  <Icon size={size}>
    <path d="M4 17h9M4 12h11M4 7h7" />
    <path d="M18 4v6M15.5 6.5h5" strokeWidth={1.8} />
  </Icon>
)

export const SourcesListIcon = ({ size = 18 }: Sized) => (
  <Icon size={size}>
    <path d="M10 6h10M10 12h10M10 18h10" />
    <path d="M3.5 4.5h2.5v3H3.5zM3.5 10.5h2.5v3H3.5zM3.5 16.5h2.5v3H3.5z" strokeWidth={1.6} />
  </Icon>
)

export const CheckCircleIcon = ({ size = 16 }: Sized) => (
  <Icon size={size}>
    <circle cx="12" cy="12" r="9" />
    <path d="M8 12.5l2.6 2.5L16 9.5" />
  </Icon>
)

export const AlertIcon = ({ size = 18 }: Sized) => (
  <Icon size={size}>
    <path d="M12 3.5l9.5 16.5h-19z" />
    <path d="M12 10v4.5M12 17.5v.01" />
  </Icon>
)

export const ScissorsIcon = ({ size = 16 }: Sized) => (
  <Icon size={size}>
    <circle cx="6" cy="6.5" r="2.5" />
    <circle cx="6" cy="17.5" r="2.5" />
    <path d="M8.2 7.8L20 17M8.2 16.2L20 7" />
  </Icon>
)

export const BracketsIcon = ({ size = 16 }: Sized) => (
  <Icon size={size}>
    <path d="M8 4H5v16h3M16 4h3v16h-3" />
  </Icon>
)

export const BookOpenIcon = ({ size = 16 }: Sized) => (
  <Icon size={size}>
    <path d="M3 5.5c3-1.3 6-1.3 9 .5v14c-3-1.8-6-1.8-9-.5z" />
    <path d="M21 5.5c-3-1.3-6-1.3-9 .5v14c3-1.8 6-1.8 9-.5z" />
  </Icon>
)

export const GripIcon = ({ size = 16 }: Sized) => (
  <Icon size={size}>
    <circle cx="9" cy="6" r="1" fill="currentColor" />
    <circle cx="15" cy="6" r="1" fill="currentColor" />
    <circle cx="9" cy="12" r="1" fill="currentColor" />
    <circle cx="15" cy="12" r="1" fill="currentColor" />
    <circle cx="9" cy="18" r="1" fill="currentColor" />
    <circle cx="15" cy="18" r="1" fill="currentColor" />
  </Icon>
)

export const SearchIcon = ({ size = 16 }: Sized) => (
  <Icon size={size}>
    <circle cx="11" cy="11" r="6.5" />
    <path d="M16 16l4.5 4.5" />
  </Icon>
)

export const CloseIcon = ({ size = 18 }: Sized) => (
  <Icon size={size}>
    <path d="M6 6l12 12M18 6L6 18" />
  </Icon>
)

export const ChevronLeftIcon = ({ size = 16 }: Sized) => (
  <Icon size={size}>
    <path d="M15 5l-7 7 7 7" />
  </Icon>
)

export const UploadIcon = ({ size = 22 }: Sized) => (
  <Icon size={size}>
    <path d="M12 15V4M7.5 8.5L12 4l4.5 4.5" />
    <path d="M4 15v3.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V15" />
  </Icon>
)

export const QuoteMarkIcon = ({ size = 16 }: Sized) => (
  <Icon size={size}>
    <path d="M4.5 17.5c2.5-1 3.5-3 3.5-6.5V7H4v5h4M14 17.5c2.5-1 3.5-3 3.5-6.5V7h-4v5h4" />
  </Icon>
)

export const InsertIcon = ({ size = 16 }: Sized) => (
  <Icon size={size}>
    <path d="M12 5v14M5 12h14" />
  </Icon>
)

export const RestoreIcon = ({ size = 16 }: Sized) => (
  <Icon size={size}>
    <path d="M4 12a8 8 0 1 0 2.4-5.7" />
    <path d="M4 4v4.5h4.5" />
  </Icon>
)
