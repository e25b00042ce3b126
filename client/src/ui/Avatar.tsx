/** A round badge with someone's initials in their colour. */
import { initials } from '../identity/identity'

interface AvatarProps {
  name: string
  color: string
  size?: 'small' | 'medium' | 'large'
  /** Adds a ring, to mark the local user. */
  highlighted?: boolean
}

export function Avatar({ name, color, size = 'medium', highlighted = false }: AvatarProps) {
  const className = `avatar avatar--${size}${highlighted ? ' avatar--highlighted' : ''}`
  return (
    <span className={className} style={{ backgroundColor: color }} aria-hidden="true">
      {initials(name)}
    </span>
  )
}
