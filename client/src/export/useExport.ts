/**
 * One export at a time for an open briefing: fetch the file, save it, and keep what the user
 * must be told afterwards (unverified quotes, warnings, or why it failed). Starting another
 * export abandons the one in flight; leaving the page aborts it.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { errorMessage } from '../api/apiError'
import { type ExportFormat, fetchExport } from '../api/export'
import { saveFile } from './saveFile'

export type ExportState =
  | { kind: 'idle' }
  | { kind: 'working'; format: ExportFormat; comments?: boolean }
  | {
      kind: 'saved'
      format: ExportFormat
      filename: string
      unverifiedQuotes: number
      warnings: string[]
    }
  | { kind: 'failed'; format: ExportFormat; comments?: boolean; message: string }

export function useExport(briefingId: string): {
  state: ExportState
  /** `comments`: DOCX with open comment threads as Word comments. */
  start: (format: ExportFormat, comments?: boolean) => void
  dismiss: () => void
} {
  const [state, setState] = useState<ExportState>({ kind: 'idle' })
  const current = useRef<AbortController | null>(null)

  useEffect(() => () => current.current?.abort(), [])

  const start = useCallback(
    async (format: ExportFormat, comments = false) => {
      current.current?.abort()
      const controller = new AbortController()
      current.current = controller
      setState({ kind: 'working', format, comments })
      try {
        const file = await fetchExport(briefingId, format, { signal: controller.signal, comments })
        if (controller.signal.aborted) return
        saveFile(file.blob, file.filename)
        setState({
          kind: 'saved',
          format,
          filename: file.filename,
          unverifiedQuotes: file.unverifiedQuotes,
          warnings: file.warnings,
        })
      } catch (err) {
        if (controller.signal.aborted) return
        setState({ kind: 'failed', format, comments, message: errorMessage(err) })
      }
    },
    [briefingId],
  )

  const dismiss = useCallback(() => setState({ kind: 'idle' }), [])

  return { state, start, dismiss }
}
