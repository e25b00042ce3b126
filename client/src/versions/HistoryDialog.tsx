/**
 * The briefing's version history, opened from the editor header and loaded only then: the
 * versions newest first (name or kind, when, who changed something), one opened read-only,
 * two compared (or one with now) with insertions and deletions marked, and, for those who
 * may write, saving, naming and restoring. A restore reaches the open editor like anyone's
 * edit; the version made just before it is selected, so undoing it is one more restore.
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react'
import type { NodeJSON } from '../../../shared/versions/diff'
import { errorMessage } from '../api/apiError'
import {
  type CompareResponse,
  compareVersions,
  listVersions,
  renameVersion,
  restoreVersion,
  saveVersion,
  type Version,
  versionContent,
} from '../api/versions'
import { relativeTime } from '../list/relativeTime'
import { Modal } from '../ui/Modal'
import { Notice } from '../ui/Notice'
import { VersionDiff, VersionDocument } from './VersionDocument'
import { authorsLabel, kindLabel, versionTitle } from './versionLabels'

interface HistoryDialogProps {
  briefingId: string
  mayWrite: boolean
  onClose: () => void
}

type View =
  | { kind: 'none' }
  | { kind: 'open'; version: Version; doc: NodeJSON }
  | { kind: 'compare'; result: CompareResponse }

export function HistoryDialog({ briefingId, mayWrite, onClose }: HistoryDialogProps) {
  const [versions, setVersions] = useState<Version[] | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [compareWith, setCompareWith] = useState<string>('current')
  const [view, setView] = useState<View>({ kind: 'none' })
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [name, setName] = useState('')
  const [confirmRestore, setConfirmRestore] = useState(false)

  const reload = useCallback(async () => {
    const list = await listVersions(briefingId)
    setVersions(list)
    return list
  }, [briefingId])

  useEffect(() => {
    reload().catch((err) => setError(errorMessage(err)))
  }, [reload])

  /** Runs an action with the buttons disabled and its error shown in place. */
  const act = async (work: () => Promise<void>) => {
    setBusy(true)
    setError(null)
    try {
      await work()
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  const current = versions?.find((v) => v.id === selected) ?? null

  const save = (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) return
    void act(async () => {
      const made = await saveVersion(briefingId, name.trim())
      setName('')
      await reload()
      setSelected(made.id)
    })
  }

  const open = (version: Version) =>
    act(async () => {
      setView({ kind: 'open', version, doc: await versionContent(briefingId, version.id) })
    })

  const compare = (version: Version) =>
    act(async () => {
      setView({
        kind: 'compare',
        result: await compareVersions(briefingId, version.id, compareWith),
      })
    })

  const rename = (version: Version) => {
    const given = window.prompt('Name this version', version.name ?? '')
    if (given === null) return
    void act(async () => {
      await renameVersion(briefingId, version.id, given.trim() === '' ? null : given.trim())
      await reload()
    })
  }

  const restore = (version: Version) =>
    act(async () => {
      const before = await restoreVersion(briefingId, version.id)
      setConfirmRestore(false)
      await reload()
      setSelected(before.id)
      setView({ kind: 'none' })
    })

  return (
    <Modal
      title="Version history"
      className="history-dialog"
      onDismiss={busy ? undefined : onClose}
    >
      {mayWrite && (
        <form className="history-save" onSubmit={save}>
          <input
            className="input"
            aria-label="Version name"
            placeholder="Name this moment, e.g. “Sent to the minister”"
            maxLength={120}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button button--small" disabled={busy || !name.trim()}>
            Save version
          </button>
        </form>
      )}
      {error && <Notice tone="error">{error}</Notice>}
      <div className="history-body">
        <ol className="history-list" aria-label="Versions, newest first">
          {versions === null && <li className="history-list__empty">Loading…</li>}
          {versions?.length === 0 && (
            <li className="history-list__empty">
              No versions yet. One is made after each burst of editing, at each export, and when you
              save one.
            </li>
          )}
          {versions?.map((version) => (
            <li key={version.id}>
              <button
                type="button"
                className={`history-item${version.id === selected ? ' history-item--selected' : ''}`}
                aria-pressed={version.id === selected}
                onClick={() => {
                  setSelected(version.id)
                  setConfirmRestore(false)
                }}
              >
                <span className="history-item__title">{versionTitle(version)}</span>
                <span className="history-item__meta">
                  <time dateTime={version.createdAt} title={version.createdAt}>
                    {relativeTime(version.createdAt, new Date())}
                  </time>
                  {version.name && ` · ${kindLabel(version)}`} · {authorsLabel(version)} ·{' '}
                  <code>{version.id}</code>
                </span>
              </button>
            </li>
          ))}
        </ol>
        <section className="history-view" aria-label="Selected version">
          {current ? (
            <div className="history-actions">
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() => open(current)}
              >
                Open
              </button>
              <label className="history-actions__compare">
                Compare with{' '}
                <select
                  aria-label="Compare with"
                  value={compareWith}
                  onChange={(event) => setCompareWith(event.target.value)}
                >
                  <option value="current">the document now</option>
                  {versions
                    ?.filter((v) => v.id !== current.id)
                    .map((v) => (
                      <option key={v.id} value={v.id}>
                        {versionTitle(v)} ({v.id})
                      </option>
                    ))}
                </select>
              </label>
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() => compare(current)}
              >
                Compare
              </button>
              {mayWrite && (
                <>
                  <button
                    type="button"
                    className="button button--small button--ghost"
                    disabled={busy}
                    onClick={() => rename(current)}
                  >
                    {current.name ? 'Rename' : 'Name'}
                  </button>
                  {confirmRestore ? (
                    <button
                      type="button"
                      className="button button--small button--danger"
                      disabled={busy}
                      onClick={() => restore(current)}
                    >
                      Restore for everyone
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button button--small button--ghost"
                      disabled={busy}
                      onClick={() => setConfirmRestore(true)}
                    >
                      Restore…
                    </button>
                  )}
                </>
              )}
            </div>
          ) : (
            <p className="history-view__hint">Choose a version to open, compare or restore it.</p>
          )}
          {confirmRestore && current && (
            <p className="history-view__hint">
              The document becomes “{versionTitle(current)}” for everyone editing it. What it is now
              is kept as a version first, so this can be undone.
            </p>
          )}
          {view.kind === 'open' && <VersionDocument doc={view.doc} />}
          {view.kind === 'compare' && (
            <>
              <p className="history-view__hint">
                {view.result.stats.insertedWords} words added, {view.result.stats.deletedWords}{' '}
                removed, {view.result.stats.changedBlocks} blocks edited.
              </p>
              <VersionDiff
                blocks={view.result.blocks as Parameters<typeof VersionDiff>[0]['blocks']}
              />
            </>
          )}
        </section>
      </div>
      <div className="modal__actions">
        <button type="button" className="button button--ghost" disabled={busy} onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  )
}
