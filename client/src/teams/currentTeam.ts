/**
 * Which team the list page shows and creates briefings in: the one the user last chose, kept
 * in localStorage, as long as they still belong to it; otherwise their personal team.
 */
import type { TeamMembership } from '../api/auth'

const STORAGE_KEY = 'briefing.currentTeam'

/** The user's teams as the switcher lists them: personal first, then by name. */
export function sortTeams(teams: readonly TeamMembership[]): TeamMembership[] {
  return [...teams].sort(
    (a, b) => Number(b.personal) - Number(a.personal) || a.name.localeCompare(b.name),
  )
}

/** The team to show: `chosenId` if the user is in it, else their personal team, else any. */
export function pickCurrentTeam(
  teams: readonly TeamMembership[],
  chosenId: string | null,
): TeamMembership | null {
  return (
    teams.find((team) => team.id === chosenId) ??
    teams.find((team) => team.personal) ??
    teams[0] ??
    null
  )
}

export function loadChosenTeam(storage: Pick<Storage, 'getItem'>): string | null {
  try {
    return storage.getItem(STORAGE_KEY)
  } catch {
    return null
  }
}

/** Remembers the choice. Storage can be full or disabled; the choice then lasts this tab. */
export function rememberChosenTeam(storage: Pick<Storage, 'setItem'>, teamId: string): void {
  try {
    storage.setItem(STORAGE_KEY, teamId)
  } catch {
    // Private browsing or a full quota: nothing to do.
  }
}

/** A team's name as people read it: "Personal" for their own. */
export function teamLabel(team: Pick<TeamMembership, 'name' | 'personal'>): string {
  return team.personal ? 'Personal' : team.name
}
