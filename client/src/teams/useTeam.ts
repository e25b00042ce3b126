/** One team's details (members, invites), reloadable after a change. */
import { useCallback } from 'react'
import { getTeam, type TeamDetail } from '../api/teams'
import { type Loader, useLoaded } from '../ui/useLoaded'

export function useTeam(teamId: string): Loader<TeamDetail> {
  return useLoaded(
    useCallback(() => getTeam(teamId), [teamId]),
    { missing: true },
  )
}
