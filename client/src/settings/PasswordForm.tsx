/**
 * Changing the password: the current one (the server checks it, and wrong guesses count
 * against the same backoff as sign-in), and the new one twice, compared here before sending.
 */
import { type FormEvent, useState } from 'react'
import { MIN_PASSWORD_LENGTH } from '../../../shared/accountLimits'
import { changePassword } from '../api/auth'
import { errorFor } from '../auth/formError'
import { useFormSubmit } from '../auth/useFormSubmit'
import { checkPasswordChange } from '../auth/validation'
import { Notice } from '../ui/Notice'
import { TextField } from '../ui/TextField'

const FIELDS = ['currentPassword', 'newPassword'] as const
const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' }

export function PasswordForm({ email }: { email: string }) {
  const [values, setValues] = useState(EMPTY)
  const { busy, error, setError, run } = useFormSubmit(FIELDS)
  const [changed, setChanged] = useState(false)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    run(checkPasswordChange(values), async () => {
      setChanged(false)
      await changePassword(values.currentPassword, values.newPassword)
      setValues(EMPTY)
      setChanged(true)
    })
  }

  const field = (key: keyof typeof EMPTY) => ({
    value: values[key],
    error: errorFor(error, key),
    onChange: (event: { target: { value: string } }) => {
      setValues((current) => ({ ...current, [key]: event.target.value }))
      setError(null)
      setChanged(false)
    },
  })

  return (
    <form className="form-stack account-form" onSubmit={submit} noValidate aria-label="Password">
      {/* Tells password managers whose password this is, so they update the right entry. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label="Current password"
        type="password"
        autoComplete="current-password"
        {...field('currentPassword')}
      />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters, and not one of the most common passwords.`}
        {...field('newPassword')}
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        {...field('confirmPassword')}
      />
      {error?.field === null && <Notice tone="error">{error.message}</Notice>}
      {changed && (
        <Notice tone="info">
          Your password was changed. Any other browser signed in to your account was signed out.
        </Notice>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  )
}
