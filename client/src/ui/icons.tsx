/**
 * The interface's icons as inline SVG components: no icon font or sprite request, nothing a
 * strict CSP has to allow. Drawn on a 24px grid with a 2px stroke in `currentColor`.
 */
import type { ReactNode } from 'react'

/** The frame every icon is drawn in; exported for feature-specific icon sets. */
export function Icon({ children, size = 18 }: { children: ReactNode; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  )
}

export const BoldIcon = () => (
  <Icon>
    <path d="M7 5h6a3.5 3.5 0 0 1 0 7H7z" />
    <path d="M7 12h7a3.5 3.5 0 0 1 0 7H7z" />
  </Icon>
)

export const ItalicIcon = () => (
  <Icon>
    <path d="M15 5h-5M14 19H9M14 5l-4 14" />
  </Icon>
)

export const UnderlineIcon = () => (
  <Icon>
    <path d="M7 4v6a5 5 0 0 0 10 0V4M5 20h14" />
  </Icon>
)

export const StrikeIcon = () => (
  <Icon>
    <path d="M4 12h16M16.5 7.5C16 5.6 14.2 4.5 12 4.5c-2.5 0-4.5 1.4-4.5 3.5 0 1.5 1 2.5 2.6 3.2M8 16.5c.6 1.9 2.2 3 4.3 3 2.6 0 4.5-1.5 4.5-3.6 0-.7-.2-1.3-.6-1.9" />
  </Icon>
)

export const HighlightIcon = () => (
  <Icon>
    <path d="m9 11-5 5v3h3l5-5M9 11l4-4 5 5-4 4zM13 7l2.5-2.5a1.4 1.4 0 0 1 2 0l2 2a1.4 1.4 0 0 1 0 2L17 11M4 21h16" />
  </Icon>
)

export const BulletListIcon = () => (
  <Icon>
    <path d="M10 6h10M10 12h10M10 18h10" />
    <circle cx="5" cy="6" r="1" fill="currentColor" />
    <circle cx="5" cy="12" r="1" fill="currentColor" />
    <circle cx="5" cy="18" r="1" fill="currentColor" />
  </Icon>
)

export const OrderedListIcon = () => (
  <Icon>
    <path d="M10 6h10M10 12h10M10 18h10" />
    <path d="M4 5l1.5-1v5M4 9h3" strokeWidth={1.6} />
    <path
      d="M4 15.2c.3-.7 1-1.2 1.7-1.2.9 0 1.5.6 1.5 1.3 0 1.3-3.2 2-3.2 3.7h3.3"
      strokeWidth={1.6}
    />
  </Icon>
)

export const LinkIcon = () => (
  <Icon>
    <path d="M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1 1" />
    <path d="M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1-1" />
  </Icon>
)

export const QuoteIcon = () => (
  <Icon>
    <path d="M4 11.5c0-3.5 1.8-5.6 5-6.5M4 11.5h4.2a1.3 1.3 0 0 1 1.3 1.3v4.4a1.3 1.3 0 0 1-1.3 1.3H5.3A1.3 1.3 0 0 1 4 17.2z" />
    <path d="M13.5 11.5c0-3.5 1.8-5.6 5-6.5M13.5 11.5h4.2a1.3 1.3 0 0 1 1.3 1.3v4.4a1.3 1.3 0 0 1-1.3 1.3h-2.9a1.3 1.3 0 0 1-1.3-1.3z" />
  </Icon>
)

export const UndoIcon = () => (
  <Icon>
    <path d="M9 14L4 9l5-5" />
    <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
  </Icon>
)

export const RedoIcon = () => (
  <Icon>
    <path d="M15 14l5-5-5-5" />
    <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
  </Icon>
)

export const PencilIcon = () => (
  <Icon size={16}>
    <path d="M16.5 3.5a2.1 2.1 0 0 1 3 3L8 18l-4 1 1-4z" />
  </Icon>
)

export const TrashIcon = () => (
  <Icon size={16}>
    <path d="M4 7h16M10 11v6M14 11v6" />
    <path d="M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3" />
  </Icon>
)

export const PlusIcon = () => (
  <Icon size={16}>
    <path d="M12 5v14M5 12h14" />
  </Icon>
)

/** Three bars: the narrow header's menu of page controls. */
export const MenuIcon = () => (
  <Icon size={20}>
    <path d="M4 7h16M4 12h16M4 17h16" />
  </Icon>
)

export const ArrowLeftIcon = () => (
  <Icon size={16}>
    <path d="M19 12H5M11 18l-6-6 6-6" />
  </Icon>
)

export const DocumentIcon = ({ size = 18 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
    <path d="M14 3v5h5M9 13h6M9 17h6" />
  </Icon>
)

/** The product mark used in the header. */
export const BriefingMark = () => (
  <svg width="26" height="26" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    <rect width="32" height="32" rx="7" className="brand-mark__tile" />
    <path
      d="M10 8h8.5a5 5 0 0 1 2.6 9.3A5.3 5.3 0 0 1 18.8 24H10z"
      fill="none"
      stroke="#fff"
      strokeWidth="2.6"
      strokeLinejoin="round"
    />
    <path d="M10 16h9" stroke="#fff" strokeWidth="2.6" />
  </svg>
)

export const CheckIcon = () => (
  <Icon size={16}>
    <path d="M5 12.5l4.5 4.5L19 7.5" />
  </Icon>
)

export const CopyIcon = () => (
  <Icon size={16}>
    <rect x="8" y="8" width="12" height="12" rx="2" />
    <path d="M16 8V6a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h2" />
  </Icon>
)

export const ChevronDownIcon = () => (
  <Icon size={16}>
    <path d="M6 9l6 6 6-6" />
  </Icon>
)

export const UsersIcon = ({ size = 16 }: { size?: number }) => (
  <Icon size={size}>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20a6.5 6.5 0 0 1 13 0" />
    <path d="M16 4.6a3.5 3.5 0 0 1 0 6.8M18 14.2a6.5 6.5 0 0 1 3.5 5.8" />
  </Icon>
)

export const SettingsIcon = () => (
  <Icon size={16}>
    <circle cx="12" cy="12" r="3" />
    <path d="M19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z" />
  </Icon>
)

export const SignOutIcon = () => (
  <Icon size={16}>
    <path d="M9 21H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2h4M16 17l5-5-5-5M21 12H9" />
  </Icon>
)

export const ShareIcon = () => (
  <Icon size={16}>
    <circle cx="9" cy="8" r="3.5" />
    <path d="M2.5 20a6.5 6.5 0 0 1 11.3-4.4M19 14v6M16 17h6" />
  </Icon>
)

export const EyeIcon = ({ size = 16 }: { size?: number }) => (
  <Icon size={size}>
    <path d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12z" />
    <circle cx="12" cy="12" r="3" />
  </Icon>
)

export const KeyIcon = () => (
  <Icon size={16}>
    <circle cx="7.5" cy="15.5" r="4.5" />
    <path d="M10.7 12.3L20 3M16 7l3 3M14 9l2 2" />
  </Icon>
)

export const LockIcon = ({ size = 16 }: { size?: number }) => (
  <Icon size={size}>
    <rect x="4" y="11" width="16" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </Icon>
)

export const CommentIcon = () => (
  <Icon>
    <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12z" />
  </Icon>
)
