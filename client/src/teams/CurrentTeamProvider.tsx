/** The current team (see `currentTeam.ts`) as shared state for the header and the list page. */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react'
import type { TeamMembership } from '../api/auth'
import { useAccount } from '../auth/AuthProvider'
import { loadChosenTeam, pickCurrentTeam, rememberChosenTeam, sortTeams } from './currentTeam'

export interface CurrentTeam {
  /** Null only for an account without any team, which the server never creates. */
  team: TeamMembership | null
  /** Every team of the user, personal first. */
  teams: TeamMembership[]
  select: (teamId: string) => void
}

const CurrentTeamContext = createContext<CurrentTeam | null>(null)

export function CurrentTeamProvider({ children }: { children: ReactNode }) {
  const { teams } = useAccount()
  const [chosenId, setChosenId] = useState(() => loadChosenTeam(window.localStorage))

  const select = useCallback((teamId: string) => {
    rememberChosenTeam(window.localStorage, teamId)
    setChosenId(teamId)
  }, [])

  const value = useMemo<CurrentTeam>(
    () => ({ team: pickCurrentTeam(teams, chosenId), teams: sortTeams(teams), select }),
    [teams, chosenId, select],
  )
  return <CurrentTeamContext.Provider value={value}>{children}</CurrentTeamContext.Provider>
}

export function useCurrentTeam(): CurrentTeam {
  const value = useContext(CurrentTeamContext)
  if (!value) throw new Error('useCurrentTeam is used outside CurrentTeamProvider')
  return value
}
