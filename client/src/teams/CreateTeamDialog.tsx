/** Names and creates a team; the creator is its admin and lands on its page to invite people. */
import { type FormEvent, useState } from 'react'
import { createTeam } from '../api/teams'
import { useAuth } from '../auth/AuthProvider'
import { useFormSubmit } from '../auth/useFormSubmit'
import { navigate } from '../router/navigation'
import { Modal } from '../ui/Modal'
import { TextField } from '../ui/TextField'
import { useCurrentTeam } from './CurrentTeamProvider'

/** Longest team name the server accepts. */
const MAX_TEAM_NAME = 100

export function CreateTeamDialog({ onClose }: { onClose: () => void }) {
  const { refreshTeams } = useAuth()
  const { select } = useCurrentTeam()
  const [name, setName] = useState('')
  const { busy, error, setError, run } = useFormSubmit([], { leavesOnSuccess: true })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const trimmed = name.trim()
    const problem = trimmed ? null : { field: null, message: 'Give the team a name.' }
    run(problem, async () => {
      const team = await createTeam(trimmed)
      await refreshTeams()
      select(team.id)
      onClose()
      navigate({ page: 'team', teamId: team.id })
    })
  }

  return (
    <Modal title="Create a team" onDismiss={busy ? undefined : onClose}>
      <form onSubmit={submit} noValidate>
        <p className="modal__text">
          A team shares briefings. You will be its admin and can invite people next.
        </p>
        <div className="form-stack">
          <TextField
            label="Team name"
            autoFocus
            value={name}
            maxLength={MAX_TEAM_NAME}
            placeholder="e.g. Europe desk"
            error={error?.message ?? null}
            onChange={(event) => {
              setName(event.target.value)
              setError(null)
            }}
          />
        </div>
        <div className="modal__actions">
          <button type="button" className="button button--ghost" onClick={onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create team'}
          </button>
        </div>
      </form>
    </Modal>
  )
}
