/**
 * The identity to show in this briefing: the account's name, and its usual colour unless
 * someone else in the room keeps it (identity/roomColor.ts). Re-decided whenever awareness
 * changes, so a person who gave way takes their usual colour back once the other leaves.
 */
import { useEffect, useMemo, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import type { Identity } from '../identity/identity'
import { roomColor } from '../identity/roomColor'

export function useRoomIdentity(awareness: Awareness | null, identity: Identity): Identity {
  const [color, setColor] = useState(identity.color)
  useEffect(() => {
    if (!awareness) return
    const read = () =>
      setColor(
        roomColor(
          { clientId: awareness.clientID, name: identity.name, usual: identity.color },
          awareness.getStates(),
        ),
      )
    read()
    // 'change' fires only when a state changed, not on every heartbeat.
    awareness.on('change', read)
    return () => awareness.off('change', read)
  }, [awareness, identity.name, identity.color])
  const shown = awareness ? color : identity.color
  return useMemo(() => ({ name: identity.name, color: shown }), [identity.name, shown])
}
