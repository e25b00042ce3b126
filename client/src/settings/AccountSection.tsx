/**
 * The signed-in user's own account: their display name, and their password (PasswordForm).
 * A new name is shown everywhere at once: the server's answer replaces the signed-in account,
 * which the header, this page and the caret label all read.
 */
import { type FormEvent, useState } from 'react'
import { MAX_DISPLAY_NAME_LENGTH } from '../../../shared/accountLimits'
import { type Account, renameAccount } from '../api/auth'
import { useAuth } from '../auth/AuthProvider'
import { errorFor } from '../auth/formError'
import { useFormSubmit } from '../auth/useFormSubmit'
import { checkName } from '../auth/validation'
import { Notice } from '../ui/Notice'
import { TextField } from '../ui/TextField'
import { PasswordForm } from './PasswordForm'

export function AccountSection({ user }: { user: Account }) {
  return (
    <section className="panel" aria-labelledby="account-heading">
      <h2 id="account-heading" className="panel__title">
        Account
      </h2>
      <NameForm user={user} />
      <h3 className="panel__subtitle">Password</h3>
      <p className="panel__text">
        Changing it signs you out everywhere else; this browser stays signed in.
      </p>
      <PasswordForm email={user.email} />
    </section>
  )
}

function NameForm({ user }: { user: Account }) {
  const { accountChanged } = useAuth()
  const [name, setName] = useState(user.name)
  const { busy, error, setError, run } = useFormSubmit(['name'])
  const [saved, setSaved] = useState(false)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    run(checkName(name), async () => {
      setSaved(false)
      const me = await renameAccount(name.trim())
      accountChanged(me)
      setName(me.user.name)
      setSaved(true)
    })
  }

  return (
    <form className="inline-form" onSubmit={submit} noValidate aria-label="Display name">
      <TextField
        label="Display name"
        autoComplete="name"
        hint="Teammates see it next to your cursor and in member lists."
        maxLength={MAX_DISPLAY_NAME_LENGTH}
        value={name}
        error={errorFor(error, 'name')}
        onChange={(event) => {
          setName(event.target.value)
          setError(null)
          setSaved(false)
        }}
      />
      <button type="submit" className="button button--primary inline-form__submit" disabled={busy}>
        {busy ? 'Saving…' : 'Save'}
      </button>
      {error?.field === null && <Notice tone="error">{error.message}</Notice>}
      {saved && <Notice tone="info">Your name is now “{user.name}”.</Notice>}
    </form>
  )
}
