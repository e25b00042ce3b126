/** One team's details (members, invites), reloadable after a change. */
import { useCallback, useEffect, useState } from 'react'
import { ApiError, errorMessage } from '../api/apiError'
import { getTeam, type TeamDetail } from '../api/teams'

export type TeamState =
  | { status: 'loading' }
  | { status: 'missing' }
  | { status: 'error'; message: string }
  | { status: 'ready'; team: TeamDetail }

export function useTeam(teamId: string): { state: TeamState; reload: () => Promise<void> } {
  const [state, setState] = useState<TeamState>({ status: 'loading' })

  const reload = useCallback(async () => {
    try {
      setState({ status: 'ready', team: await getTeam(teamId) })
    } catch (err) {
      if (err instanceof ApiError && err.isNotFound) setState({ status: 'missing' })
      else setState({ status: 'error', message: errorMessage(err) })
    }
  }, [teamId])

  useEffect(() => {
    reload()
  }, [reload])

  return { state, reload }
}
