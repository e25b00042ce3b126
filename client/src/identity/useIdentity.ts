/** The local identity as React state, persisted to localStorage on every change. */
import { useCallback, useState } from 'react'
import { type Identity, loadIdentity, pickColor, saveIdentity } from './identity'

export function useIdentity(): {
  identity: Identity | null
  /** Sets the display name, keeping the colour if there is one already. */
  setName: (name: string) => void
} {
  const [identity, setIdentity] = useState(() => loadIdentity(window.localStorage))
  const setName = useCallback((name: string) => {
    setIdentity((current) => {
      const next = { name, color: current?.color ?? pickColor() }
      saveIdentity(window.localStorage, next)
      return next
    })
  }, [])
  return { identity, setName }
}
