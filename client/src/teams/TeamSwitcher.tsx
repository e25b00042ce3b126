/**
 * The team switcher in the header: which team's briefings the list shows and new briefings
 * go to. Also the way to a team's page and to creating a team.
 */
import { Suspense, useState } from 'react'
import { navigate, useRoute } from '../router/navigation'
import { ChevronDownIcon, PlusIcon, SettingsIcon, UsersIcon } from '../ui/icons'
import { lazyNamed } from '../ui/lazyNamed'
import { Menu, MenuItem, MenuItemRadio, MenuSection, MenuSeparator } from '../ui/Menu'
import { useCurrentTeam } from './CurrentTeamProvider'
import { teamLabel } from './currentTeam'

// Creating a team is rare; its dialog stays out of every page's first download (the header
// is on all of them, the editor's included).
const CreateTeamDialog = lazyNamed(() => import('./CreateTeamDialog'), 'CreateTeamDialog')

export function TeamSwitcher() {
  const { team, teams, select } = useCurrentTeam()
  const route = useRoute()
  const [creating, setCreating] = useState(false)
  if (!team) return null

  return (
    <>
      <Menu
        label={`Team: ${teamLabel(team)}. Switch team`}
        buttonClassName="team-switcher"
        button={
          <>
            <UsersIcon />
            <span className="team-switcher__name">{teamLabel(team)}</span>
            <ChevronDownIcon />
          </>
        }
      >
        {(close) => (
          <>
            <MenuSection>
              <span className="menu__heading">Your teams</span>
            </MenuSection>
            {teams.map((t) => (
              <MenuItemRadio
                key={t.id}
                checked={t.id === team.id}
                onSelect={() => {
                  close()
                  select(t.id)
                  // The list shows the chosen team; from another page, go there.
                  if (route.page !== 'list') navigate({ page: 'list' })
                }}
              >
                <span className="menu__item-label">{teamLabel(t)}</span>
                {t.role === 'admin' && !t.personal && <span className="menu__meta">Admin</span>}
              </MenuItemRadio>
            ))}
            <MenuSeparator />
            <MenuItem
              onSelect={() => {
                close()
                navigate({ page: 'team', teamId: team.id })
              }}
            >
              <SettingsIcon />
              {team.personal ? 'Manage your personal team' : `Manage ${team.name}`}
            </MenuItem>
            <MenuItem
              onSelect={() => {
                close()
                setCreating(true)
              }}
            >
              <PlusIcon />
              New team…
            </MenuItem>
          </>
        )}
      </Menu>
      {creating && (
        <Suspense fallback={null}>
          <CreateTeamDialog onClose={() => setCreating(false)} />
        </Suspense>
      )}
    </>
  )
}
