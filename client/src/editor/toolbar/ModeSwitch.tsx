/**
 * Editing or Suggesting: how the user's edits land. A menu, as in Google Docs, because the
 * toolbar has no room for two labelled buttons beside the panels' toggles.
 */

interface ModeSwitchProps {
  suggesting: boolean
  disabled: boolean
  onChange: (suggesting: boolean) => void
}

export function ModeSwitch({ suggesting, disabled, onChange }: ModeSwitchProps) {
  return (
    <select
      className={`mode-switch${suggesting ? ' mode-switch--suggesting' : ''}`}
      aria-label="Editing mode"
      title={
        suggesting ? 'Edits become suggestions others accept or reject' : 'Edit the text directly'
      }
      value={suggesting ? 'suggesting' : 'editing'}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value === 'suggesting')}
    >
      <option value="editing">Editing</option>
      <option value="suggesting">Suggesting</option>
    </select>
  )
}
