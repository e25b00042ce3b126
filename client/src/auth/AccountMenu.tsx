/** The signed-in user's chip in the header, opening a menu with settings and sign-out. */
import { useState } from 'react'
import { errorMessage } from '../api/apiError'
import type { Me } from '../api/auth'
import { identityOf } from '../identity/identity'
import { navigate } from '../router/navigation'
import { Avatar } from '../ui/Avatar'
import { SettingsIcon, SignOutIcon } from '../ui/icons'
import { Menu, MenuItem, MenuSection, MenuSeparator } from '../ui/Menu'
import { useAuth } from './AuthProvider'

export function AccountMenu({ me }: { me: Me }) {
  const { signOut } = useAuth()
  const [error, setError] = useState<string | null>(null)
  const identity = identityOf(me.user)

  const signOutNow = async () => {
    setError(null)
    try {
      await signOut()
      navigate({ page: 'signin' })
    } catch (err) {
      setError(`Could not sign out. ${errorMessage(err)}`)
    }
  }

  return (
    <Menu
      label={`Account: ${me.user.name}`}
      buttonClassName="user-chip"
      align="end"
      button={
        <>
          <Avatar name={identity.name} color={identity.color} size="small" />
          <span className="user-chip__name">{identity.name}</span>
        </>
      }
    >
      {(close) => (
        <>
          <MenuSection>
            <span className="menu__title">{me.user.name}</span>
            <span className="menu__subtitle">{me.user.email}</span>
            {me.user.isAdmin && <span className="tag tag--accent">Instance admin</span>}
          </MenuSection>
          <MenuSeparator />
          <MenuItem
            onSelect={() => {
              close()
              navigate({ page: 'settings' })
            }}
          >
            <SettingsIcon />
            Settings and API tokens
          </MenuItem>
          <MenuItem onSelect={signOutNow}>
            <SignOutIcon />
            Sign out
          </MenuItem>
          {error && (
            <MenuSection>
              <span className="field__error" role="alert">
                {error}
              </span>
            </MenuSection>
          )}
        </>
      )}
    </Menu>
  )
}
