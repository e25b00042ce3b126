/** The people in the document, re-read whenever awareness changes. */
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { type Person, peopleHere } from './presence'

export function usePresence(awareness: Awareness | null): Person[] {
  const [people, setPeople] = useState<Person[]>([])
  useEffect(() => {
    if (!awareness) return
    const read = () => setPeople(peopleHere(awareness.getStates(), awareness.clientID))
    read()
    // 'change' fires only when a state changed, not on every heartbeat.
    awareness.on('change', read)
    return () => awareness.off('change', read)
  }, [awareness])
  return people
}
