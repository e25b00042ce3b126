/**
 * A team's audit log entries as sentences ("Ada Lovelace invited grace@example.org as a
 * member"). Entries name people by id; `names` maps the ids of current members to their
 * names, and anyone else (a former member) is described as such rather than by a raw id.
 */
import type { AuditEntry } from '../api/teams'

export interface AuditLine {
  summary: string
  /** The briefing the entry is about, for a link; null for team events. */
  briefingId: string | null
}

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)

const ROLE_WORDS: Record<string, string> = {
  admin: 'an admin',
  member: 'a member',
  owner: 'owner',
  editor: 'can edit',
  commenter: 'can comment',
  viewer: 'can view',
  none: 'no access',
}
const role = (value: unknown) => ROLE_WORDS[String(value)] ?? String(value)

export function describeAudit(entry: AuditEntry, names: ReadonlyMap<string, string>): AuditLine {
  const person = (id: string | null | undefined) =>
    id ? (names.get(id) ?? 'a former member') : 'someone'
  const actor = entry.actorId ? person(entry.actorId) : 'Someone'
  const { details, target } = entry
  const about = (summary: string): AuditLine => ({ summary, briefingId: target })
  const team = (summary: string): AuditLine => ({ summary, briefingId: null })

  switch (entry.action) {
    case 'user.registered':
      return team(`${actor} created their account`)
    case 'auth.login':
      return team(`${actor} signed in`)
    case 'auth.login_failed':
      return team(`Failed sign-in attempt for ${text(details.email) ?? person(target)}`)
    case 'auth.name_changed':
      return team(
        `${text(details.from) ?? actor} changed their name to ${text(details.to) ?? person(target)}`,
      )
    case 'auth.password_changed':
      return team(`${actor} changed their password`)
    case 'auth.password_change_failed':
      return team(`Failed attempt to change the password of ${person(target)}`)
    case 'team.created':
      return team(`${actor} created the team “${text(details.name) ?? ''}”`)
    case 'team.invited':
      return team(`${actor} invited ${target ?? 'someone'} as ${role(details.role)}`)
    case 'team.invite_revoked':
      return team(`${actor} revoked the invite for ${target ?? 'someone'}`)
    case 'team.invite_accepted':
      return team(`${person(target)} joined the team from an invite`)
    case 'team.role_changed':
      return team(`${actor} made ${person(target)} ${role(details.to)} (was ${role(details.from)})`)
    case 'team.member_removed':
      return team(
        target === entry.actorId ? `${actor} left the team` : `${actor} removed ${person(target)}`,
      )
    case 'briefing.created':
      return about(`${actor} created a briefing`)
    case 'briefing.deleted':
      return team(`${actor} deleted the briefing “${text(details.title) ?? ''}”`)
    case 'briefing.team_role_changed':
      return about(
        `${actor} set the team’s access to a briefing to ${role(details.to)} (was ${role(details.from)})`,
      )
    case 'briefing.shared':
      return about(
        `${actor} shared a briefing with ${person(text(details.userId))}: ${role(details.role)}`,
      )
    case 'briefing.unshared':
      return about(`${actor} removed ${person(text(details.userId))} from a briefing`)
    case 'briefing.exported':
      return about(
        `${actor} exported a briefing${text(details.format) ? ` as ${details.format}` : ''}`,
      )
    case 'briefing.source_added':
      return about(`${actor} added a source to a briefing`)
    case 'briefing.source_corrected':
      return about(`${actor} corrected a source of a briefing`)
    case 'briefing.source_removed':
      return about(
        `${actor} removed a source${text(details.title) ? ` (“${details.title}”)` : ''} from a briefing`,
      )
    case 'briefing.version_saved':
      return about(`${actor} saved version “${text(details.name) ?? ''}” of a briefing`)
    case 'briefing.version_renamed':
      return about(
        text(details.name)
          ? `${actor} named version ${text(details.version) ?? ''} “${details.name}”`
          : `${actor} took the name off version ${text(details.version) ?? ''}`,
      )
    case 'briefing.version_deleted':
      return about(`${actor} deleted version ${text(details.version) ?? ''} of a briefing`)
    case 'briefing.version_restored':
      return about(
        `${actor} restored version ${text(details.version) ?? ''} of a briefing (undo: restore ${text(details.before) ?? 'the version before it'})`,
      )
    default:
      return { summary: `${actor}: ${entry.action}`, briefingId: null }
  }
}
