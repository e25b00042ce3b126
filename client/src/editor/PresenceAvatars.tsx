/** "Who is here": overlapping avatars of everyone in the briefing, you first. */
import { Avatar } from '../ui/Avatar'
import type { Person } from './presence'

const MAX_SHOWN = 5

export function PresenceAvatars({ people }: { people: Person[] }) {
  if (people.length === 0) return null
  const shown = people.slice(0, MAX_SHOWN)
  const hidden = people.slice(MAX_SHOWN)
  const label = people.map((p) => (p.isSelf ? `${p.name} (you)` : p.name)).join(', ')
  return (
    <ul className="presence" aria-label={`People here: ${label}`}>
      {shown.map((person) => (
        <li
          key={person.key}
          className="presence__person"
          title={person.isSelf ? `${person.name} (you)` : person.name}
          data-name={person.name}
        >
          <Avatar
            name={person.name}
            color={person.color}
            size="small"
            highlighted={person.isSelf}
          />
        </li>
      ))}
      {hidden.length > 0 && (
        <li className="presence__more" title={hidden.map((p) => p.name).join(', ')}>
          +{hidden.length}
        </li>
      )}
    </ul>
  )
}
