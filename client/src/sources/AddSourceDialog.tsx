/**
 * "Add source": paste text, upload a file, or give a web address. The server imports it,
 * finds its quotes and adds it to the briefing; meanwhile the dialog shows which stage the
 * import is in and can cancel it. Failures keep what was entered, so a retry is one click.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import type { Source, SourceKind } from '../../../shared/sources'
import { addSource, duplicateOf, type ImportProgress, type NewSourceRequest } from '../api/sources'
import { Modal } from '../ui/Modal'
import {
  checkSourceUrl,
  fileProblem,
  formatBytes,
  type ImportFailure,
  importFailure,
  SOURCE_FILE_EXTENSIONS,
} from './addSourceInput'
import { fileToBase64 } from './base64'
import { UploadIcon } from './icons'
import { SOURCE_KIND_LABELS, urlHost } from './sourceLabels'

type Tab = 'text' | 'file' | 'url'

type Status =
  | { kind: 'idle' }
  | { kind: 'working'; stage: string }
  | { kind: 'failed'; failure: ImportFailure }

interface AddSourceDialogProps {
  briefingId: string
  onAdded: (source: Source) => void
  /** The server already had this text as a source: open that one instead. */
  onExisting: (sourceId: string, message: string) => void
  onClose: () => void
}

const TABS: readonly [Tab, string][] = [
  ['text', 'Paste text'],
  ['file', 'Upload file'],
  ['url', 'Web address'],
]

export function AddSourceDialog({
  briefingId,
  onAdded,
  onExisting,
  onClose,
}: AddSourceDialogProps) {
  const [tab, setTab] = useState<Tab>('text')
  const [text, setText] = useState('')
  const [kind, setKind] = useState<SourceKind | ''>('')
  const [file, setFile] = useState<File | null>(null)
  const [url, setUrl] = useState('')
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const [startedAt, setStartedAt] = useState(0)
  const controller = useRef<AbortController | null>(null)
  const ids = { text: useId(), kind: useId(), file: useId(), url: useId(), why: useId() }

  // Closing the dialog (or leaving the page) abandons an import still running.
  useEffect(() => () => controller.current?.abort(), [])

  const working = status.kind === 'working'
  const problem = inputProblem(tab, { text, file, url })

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (working || problem !== null) return
    const abort = new AbortController()
    controller.current = abort
    setStartedAt(Date.now())
    try {
      setStatus({ kind: 'working', stage: firstStage(tab, file) })
      const request = await buildRequest(tab, { text, kind, file, url })
      if (abort.signal.aborted) return
      const source = await addSource(briefingId, request, {
        signal: abort.signal,
        onProgress: (progress) =>
          setStatus({ kind: 'working', stage: stageText(tab, progress, { file, url }) }),
      })
      onAdded(source)
    } catch (err) {
      const existing = duplicateOf(err)
      if (err instanceof DOMException && err.name === 'AbortError') setStatus({ kind: 'idle' })
      else if (existing) onExisting(existing, (err as Error).message)
      else setStatus({ kind: 'failed', failure: importFailure(err, tab) })
    } finally {
      if (controller.current === abort) controller.current = null
    }
  }

  const cancel = () => {
    controller.current?.abort()
    setStatus({ kind: 'idle' })
  }

  return (
    <Modal title="Add source" className="modal--wide" onDismiss={working ? cancel : onClose}>
      <form className="add-source" onSubmit={submit} noValidate>
        <div className="tabs tabs--boxed" role="tablist" aria-label="How to add the source">
          {TABS.map(([value, label]) => (
            <button
              key={value}
              type="button"
              role="tab"
              aria-selected={tab === value}
              className="tabs__tab"
              disabled={working}
              onClick={() => {
                setTab(value)
                if (status.kind === 'failed') setStatus({ kind: 'idle' })
              }}
            >
              {label}
            </button>
          ))}
        </div>

        <div className="add-source__panel" role="tabpanel">
          {tab === 'text' && (
            <>
              <label className="field__label" htmlFor={ids.text}>
                Text of the source
              </label>
              <textarea
                id={ids.text}
                className="input textarea add-source__textarea"
                placeholder={
                  'Paste an article, transcript or statement, with its headline and byline if it has them.'
                }
                value={text}
                disabled={working}
                onChange={(event) => setText(event.target.value)}
              />
              <div className="add-source__row">
                <label className="field__label" htmlFor={ids.kind}>
                  Kind
                </label>
                <select
                  id={ids.kind}
                  className="input select"
                  value={kind}
                  disabled={working}
                  onChange={(event) => setKind(event.target.value as SourceKind | '')}
                >
                  <option value="">Detect automatically</option>
                  {Object.entries(SOURCE_KIND_LABELS).map(([value, label]) => (
                    <option key={value} value={value}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
            </>
          )}
          {tab === 'file' && (
            <FilePicker
              id={ids.file}
              file={file}
              disabled={working}
              problem={file ? fileProblem(file) : null}
              onFile={(picked) => {
                setFile(picked)
                if (status.kind === 'failed') setStatus({ kind: 'idle' })
              }}
            />
          )}
          {tab === 'url' && (
            <label className="field" htmlFor={ids.url}>
              <span className="field__label">Web address of the article</span>
              <input
                id={ids.url}
                className="input"
                type="url"
                inputMode="url"
                placeholder="https://example.com/news/story"
                value={url}
                disabled={working}
                onChange={(event) => setUrl(event.target.value)}
              />
              <span className="field__hint">
                Briefing fetches the page once and keeps its text with the briefing.
              </span>
            </label>
          )}
        </div>

        {status.kind === 'working' && (
          <ImportStatus stage={status.stage} startedAt={startedAt} onCancel={cancel} />
        )}
        {status.kind === 'failed' && (
          <div className="notice notice--error add-source__failure" role="alert">
            <div className="notice__body">
              <strong>{status.failure.title}</strong>
              <p>{status.failure.detail}</p>
            </div>
          </div>
        )}

        {!working && status.kind !== 'failed' && problem !== null && (
          <p className="field__hint add-source__why" id={ids.why}>
            {problem}
          </p>
        )}
        {!working && (
          <div className="modal__actions">
            <button type="button" className="button button--ghost" onClick={onClose}>
              Cancel
            </button>
            <button
              type="submit"
              className="button button--primary"
              disabled={problem !== null}
              aria-describedby={problem !== null ? ids.why : undefined}
            >
              {status.kind === 'failed' ? 'Try again' : 'Add source'}
            </button>
          </div>
        )}
      </form>
    </Modal>
  )
}

function ImportStatus({
  stage,
  startedAt,
  onCancel,
}: {
  stage: string
  startedAt: number
  onCancel: () => void
}) {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const seconds = Math.max(0, Math.floor((now - startedAt) / 1000))
  return (
    <div className="import-status" aria-live="polite">
      <div className="progress" role="progressbar" aria-label={stage}>
        <span className="progress__bar" />
      </div>
      <div className="import-status__row">
        <span className="import-status__stage">{stage}</span>
        {seconds >= 2 && <span className="import-status__time">{seconds} s</span>}
        <button type="button" className="button button--ghost button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  )
}

function FilePicker({
  id,
  file,
  disabled,
  problem,
  onFile,
}: {
  id: string
  file: File | null
  disabled: boolean
  problem: string | null
  onFile: (file: File | null) => void
}) {
  const [over, setOver] = useState(false)
  return (
    <div className="field">
      <label
        htmlFor={id}
        className={`drop-zone${over ? ' drop-zone--over' : ''}${disabled ? ' drop-zone--disabled' : ''}`}
        onDragOver={(event) => {
          if (!event.dataTransfer.types.includes('Files')) return
          event.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          event.preventDefault()
          setOver(false)
          if (!disabled) onFile(event.dataTransfer.files[0] ?? null)
        }}
      >
        <UploadIcon />
        {file ? (
          <span className="drop-zone__file">
            <strong>{file.name}</strong>
            <span>{formatBytes(file.size)}</span>
          </span>
        ) : (
          <span className="drop-zone__prompt">
            <strong>Choose a file</strong> or drop it here
          </span>
        )}
        <span className="drop-zone__types">HTML, TXT, PDF or DOCX, up to 15 MB</span>
      </label>
      <input
        id={id}
        className="visually-hidden"
        type="file"
        accept={SOURCE_FILE_EXTENSIONS.join(',')}
        disabled={disabled}
        onChange={(event) => onFile(event.target.files?.[0] ?? null)}
      />
      {problem && (
        <p className="field__error" role="alert">
          {problem}
        </p>
      )}
    </div>
  )
}

/** Why the current tab's input cannot be sent yet, or null. */
function inputProblem(
  tab: Tab,
  input: { text: string; file: File | null; url: string },
): string | null {
  switch (tab) {
    case 'text':
      if (input.text === '') return 'Paste the text of the source to add it.'
      return input.text.trim()
        ? null
        : 'What is pasted is only spaces and line breaks: there is no text to add yet.'
    case 'file':
      return input.file ? fileProblem(input.file) : 'Choose a file first.'
    case 'url': {
      const checked = checkSourceUrl(input.url)
      return 'error' in checked ? checked.error : null
    }
  }
}

async function buildRequest(
  tab: Tab,
  input: { text: string; kind: SourceKind | ''; file: File | null; url: string },
): Promise<NewSourceRequest> {
  switch (tab) {
    case 'text':
      return input.kind
        ? { type: 'text', text: input.text, kind: input.kind }
        : { type: 'text', text: input.text }
    case 'file': {
      const file = input.file
      if (!file) throw new Error('No file chosen')
      return { type: 'file', filename: file.name, contentBase64: await fileToBase64(file) }
    }
    case 'url': {
      const checked = checkSourceUrl(input.url)
      if ('error' in checked) throw new Error(checked.error)
      return { type: 'url', url: checked.url }
    }
  }
}

function firstStage(tab: Tab, file: File | null): string {
  return tab === 'file' && file ? `Reading ${file.name}…` : 'Sending…'
}

function stageText(
  tab: Tab,
  progress: ImportProgress,
  { file, url }: { file: File | null; url: string },
): string {
  if (progress.phase === 'sending') {
    if (tab !== 'file' || progress.total === 0) return 'Sending…'
    return `Uploading ${file?.name ?? 'file'} — ${Math.round((progress.loaded / progress.total) * 100)}%`
  }
  switch (tab) {
    case 'text':
      return 'Reading the text and finding quotes…'
    case 'file':
      return 'Extracting the text and finding quotes…'
    case 'url': {
      const checked = checkSourceUrl(url)
      const host = 'url' in checked ? urlHost(checked.url) : null
      return `Fetching ${host ?? 'the page'} and finding quotes…`
    }
  }
}
