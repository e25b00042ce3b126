/** The instance admin's switch between open registration and invite-only. */
import { useEffect, useState } from 'react'
import { getInstanceSettings, setOpenRegistration } from '../api/admin'
import { errorMessage } from '../api/apiError'
import { Notice } from '../ui/Notice'

export function RegistrationSection() {
  const [open, setOpen] = useState<boolean | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let current = true
    getInstanceSettings().then(
      (settings) => current && setOpen(settings.openRegistration),
      (err: unknown) => current && setError(errorMessage(err)),
    )
    return () => {
      current = false
    }
  }, [])

  const toggle = async (next: boolean) => {
    setBusy(true)
    setError(null)
    try {
      setOpen((await setOpenRegistration(next)).openRegistration)
    } catch (err) {
      setError(`The setting was not changed. ${errorMessage(err)}`)
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="panel" aria-labelledby="instance-heading">
      <h2 id="instance-heading" className="panel__title">
        Instance
      </h2>
      <p className="panel__text">You are the instance admin: these settings apply to everyone.</p>
      <label className="switch-row">
        <span className="switch-row__text">
          <span className="switch-row__label">Open registration</span>
          <span className="switch-row__hint">
            {open === false
              ? 'Invite-only: people need an invite link from a team admin to create an account.'
              : 'Anyone who can reach this site may create an account.'}
          </span>
        </span>
        <input
          type="checkbox"
          role="switch"
          className="switch"
          checked={open ?? false}
          aria-checked={open ?? false}
          disabled={open === null || busy}
          onChange={(event) => toggle(event.target.checked)}
        />
      </label>
      {error && <Notice tone="error">{error}</Notice>}
    </section>
  )
}
