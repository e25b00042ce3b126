/**
 * A briefing's comment threads, read over REST and read again whenever the server says one
 * changed (a "comments" frame on the collaboration socket) or the socket reconnects (frames
 * sent while it was down are lost). Only the newest read's answer is kept.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { listThreads, type Thread } from '../api/comments'
import { listenForComments } from './commentEvents'

export interface Threads {
  threads: Thread[] | null
  error: string | null
  reload: () => void
}

export function useThreads(briefingId: string, provider: WebsocketProvider): Threads {
  const [threads, setThreads] = useState<Thread[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef(0)

  const reload = useCallback(() => {
    const call = ++latest.current
    listThreads(briefingId).then(
      (list) => {
        if (call !== latest.current) return
        setThreads(list)
        setError(null)
      },
      (err: unknown) => {
        if (call !== latest.current) return
        setError(err instanceof Error ? err.message : String(err))
      },
    )
  }, [briefingId])

  useEffect(() => {
    reload()
    const stop = listenForComments(provider, reload)
    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') reload()
    }
    provider.on('status', onStatus)
    return () => {
      stop()
      provider.off('status', onStatus)
    }
  }, [provider, reload])

  return { threads, error, reload }
}
