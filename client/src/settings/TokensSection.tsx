/**
 * Personal API tokens for scripts and the CLI: create one (shown once, with a copy button),
 * see when each was last used, revoke any at once.
 */
import { type FormEvent, useState } from 'react'
import {
  type ApiTokenRecord,
  type CreatedToken,
  createToken,
  listTokens,
  revokeToken,
} from '../api/tokens'
import { errorFor } from '../auth/formError'
import { useFormSubmit } from '../auth/useFormSubmit'
import { relativeTime } from '../list/relativeTime'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { CopyField } from '../ui/CopyField'
import { KeyIcon } from '../ui/icons'
import { Notice } from '../ui/Notice'
import { TextField } from '../ui/TextField'
import { useLoaded } from '../ui/useLoaded'

export function TokensSection() {
  const { state: list, reload } = useLoaded(listTokens)
  const [created, setCreated] = useState<CreatedToken | null>(null)
  const [revoking, setRevoking] = useState<ApiTokenRecord | null>(null)

  const now = new Date()
  return (
    <section className="panel" aria-labelledby="tokens-heading">
      <h2 id="tokens-heading" className="panel__title">
        API tokens
      </h2>
      <p className="panel__text">
        A token lets a script or the <code>briefing</code> command line act as you. Treat it like a
        password. A read-only token can open and export briefings but never change them.
      </p>
      <CreateTokenForm
        onCreated={(token) => {
          setCreated(token)
          reload()
        }}
      />
      {created && (
        <div className="token-secret" data-testid="new-token">
          <Notice tone="warning">
            <strong>Copy your new token “{created.name}” now.</strong> It is shown only this once;
            if you lose it, revoke it and create another.
          </Notice>
          <CopyField label="New API token" value={created.secret} />
          <button type="button" className="link-button" onClick={() => setCreated(null)}>
            I have copied it
          </button>
        </div>
      )}
      {list.status === 'error' && (
        <Notice tone="error" action={{ label: 'Try again', onClick: reload }}>
          Could not load your tokens. {list.message}
        </Notice>
      )}
      {list.status === 'ready' && list.value.length > 0 && (
        <ul className="people-list" aria-label="Your API tokens">
          {list.value.map((token) => (
            <li
              key={token.id}
              className={`people-list__row${token.revokedAt ? ' people-list__row--muted' : ''}`}
            >
              <span className="token-icon">
                <KeyIcon />
              </span>
              <div className="people-list__who">
                <span className="people-list__name">{token.name}</span>
                <span className="people-list__email">
                  Created {relativeTime(token.createdAt, now)} ·{' '}
                  {token.lastUsedAt
                    ? `last used ${relativeTime(token.lastUsedAt, now)}`
                    : 'never used'}
                </span>
              </div>
              <span className={`tag${token.readOnly ? '' : ' tag--accent'}`}>
                {token.readOnly ? 'Read-only' : 'Read and write'}
              </span>
              {token.revokedAt ? (
                <span className="tag tag--muted">Revoked</span>
              ) : (
                <button
                  type="button"
                  className="button button--ghost button--small"
                  aria-label={`Revoke ${token.name}`}
                  onClick={() => setRevoking(token)}
                >
                  Revoke
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {revoking && (
        <RevokeTokenDialog token={revoking} onRevoked={reload} onClose={() => setRevoking(null)} />
      )}
    </section>
  )
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const [name, setName] = useState('')
  const [readOnly, setReadOnly] = useState(true)
  const { busy, error, setError, run } = useFormSubmit(['name'])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const problem = name.trim()
      ? null
      : { field: 'name', message: 'Name the token after what will use it.' }
    run(problem, async () => {
      onCreated(await createToken(name.trim(), readOnly))
      setName('')
    })
  }

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <TextField
        label="Token name"
        placeholder="e.g. Nightly export"
        maxLength={100}
        value={name}
        error={errorFor(error, 'name')}
        onChange={(event) => {
          setName(event.target.value)
          setError(null)
        }}
      />
      <label className="checkbox inline-form__checkbox">
        <input
          type="checkbox"
          checked={readOnly}
          onChange={(event) => setReadOnly(event.target.checked)}
        />
        Read-only
      </label>
      <button type="submit" className="button button--primary inline-form__submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create token'}
      </button>
      {error?.field === null && <Notice tone="error">{error.message}</Notice>}
    </form>
  )
}

interface RevokeTokenDialogProps {
  token: ApiTokenRecord
  onRevoked: () => Promise<void>
  onClose: () => void
}

function RevokeTokenDialog({ token, onRevoked, onClose }: RevokeTokenDialogProps) {
  return (
    <ConfirmDialog
      title={`Revoke “${token.name}”?`}
      confirmLabel="Revoke token"
      busyLabel="Revoking…"
      onConfirm={async () => {
        await revokeToken(token.id)
        await onRevoked()
      }}
      onClose={onClose}
    >
      Anything using this token stops working at once, including open connections. This cannot be
      undone.
    </ConfirmDialog>
  )
}
