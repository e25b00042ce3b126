/** A magnifying glass, in the interface's icon frame. */
import { Icon } from '../ui/icons'

export const SearchIcon = () => (
  <Icon size={16}>
    <circle cx="11" cy="11" r="7" />
    <path d="m20 20-3.5-3.5" />
  </Icon>
)
