/**
 * One thing a page or panel loads from the server (a briefing, an invite, a team, a list), and
 * how far loading it got. An answer that arrives after a newer load started, or after the
 * component went away, is dropped, so the state always shows the latest load.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, errorMessage } from '../api/apiError'

export type Loaded<T> =
  | { status: 'loading' }
  /** The server answered 404 (only with `missing: true`; otherwise that is an error). */
  | { status: 'missing' }
  | { status: 'error'; message: string }
  | { status: 'ready'; value: T }

export interface Loader<T> {
  state: Loaded<T>
  /** Loads again, showing the current state until the answer arrives. */
  reload: () => Promise<void>
  /** Loads again from the loading state (after an error). */
  retry: () => void
  /** Replaces the loaded value with a newer one the component got otherwise. */
  setValue: (value: T) => void
}

/** Loads with `load` now and whenever it changes (keep it stable with `useCallback`). */
export function useLoaded<T>(
  load: () => Promise<T>,
  { missing = false }: { missing?: boolean } = {},
): Loader<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' })
  const latest = useRef(0)

  const reload = useCallback(async () => {
    const ticket = ++latest.current
    let next: Loaded<T>
    try {
      next = { status: 'ready', value: await load() }
    } catch (err) {
      next =
        missing && err instanceof ApiError && err.isNotFound
          ? { status: 'missing' }
          : { status: 'error', message: errorMessage(err) }
    }
    if (ticket === latest.current) setState(next)
  }, [load, missing])

  useEffect(() => {
    reload()
    return () => {
      latest.current++
    }
  }, [reload])

  const retry = useCallback(() => {
    setState({ status: 'loading' })
    reload()
  }, [reload])
  const setValue = useCallback((value: T) => setState({ status: 'ready', value }), [])

  return { state, reload, retry, setValue }
}
