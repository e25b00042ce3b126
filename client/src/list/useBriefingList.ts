/**
 * The briefing list and the actions on it. Each action updates the list from the server's
 * answer rather than guessing, and rethrows so the control that started it can show the error
 * where the user is looking.
 */
import { useCallback, useEffect, useState } from 'react'
import { errorMessage } from '../api/apiError'
import type { BriefingRecord } from '../api/briefings'
import { createBriefing, deleteBriefing, listBriefings, renameBriefing } from '../api/briefings'

export type ListState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; briefings: BriefingRecord[] }

/** Most recently edited first, the order people look for their work in. */
function byUpdatedDesc(a: BriefingRecord, b: BriefingRecord): number {
  return b.updatedAt.localeCompare(a.updatedAt)
}

/** A state update that changes the loaded list and leaves other states alone. */
function changeList(change: (briefings: BriefingRecord[]) => BriefingRecord[]) {
  return (state: ListState): ListState =>
    state.status === 'ready' ? { ...state, briefings: change(state.briefings) } : state
}

export function useBriefingList() {
  const [state, setState] = useState<ListState>({ status: 'loading' })

  const reload = useCallback(() => {
    setState({ status: 'loading' })
    let current = true
    listBriefings().then(
      (briefings) =>
        current && setState({ status: 'ready', briefings: briefings.sort(byUpdatedDesc) }),
      (err: unknown) => current && setState({ status: 'error', message: errorMessage(err) }),
    )
    return () => {
      current = false
    }
  }, [])

  useEffect(() => reload(), [reload])

  const create = useCallback(async (title: string, teamId?: string) => {
    const briefing = await createBriefing(title, teamId)
    setState(changeList((list) => [briefing, ...list]))
    return briefing
  }, [])

  const rename = useCallback(async (id: string, title: string) => {
    const briefing = await renameBriefing(id, title)
    setState(
      changeList((list) => list.map((b) => (b.id === id ? briefing : b)).sort(byUpdatedDesc)),
    )
  }, [])

  const remove = useCallback(async (id: string) => {
    await deleteBriefing(id)
    setState(changeList((list) => list.filter((b) => b.id !== id)))
  }, [])

  return { state, reload, create, rename, remove }
}
