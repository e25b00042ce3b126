/** The colour scheme switch: follow the system, or always light or dark (client/src/theme). */
import { useId, useState } from 'react'
import {
  pageStorage,
  readThemeChoice,
  saveThemeChoice,
  THEME_CHOICES,
  type ThemeChoice,
} from '../theme/theme'
import { Notice } from '../ui/Notice'

const LABELS: Record<ThemeChoice, { label: string; description: string }> = {
  system: { label: 'Match the system', description: 'Light or dark as this device is set.' },
  light: { label: 'Light', description: 'Dark text on light pages, whatever the device says.' },
  dark: { label: 'Dark', description: 'Light text on dark pages, whatever the device says.' },
}

export function AppearanceSection() {
  const [choice, setChoice] = useState<ThemeChoice>(() => readThemeChoice(pageStorage()))
  const [unsaved, setUnsaved] = useState(false)
  const name = useId()

  const choose = (next: ThemeChoice) => {
    setChoice(next)
    setUnsaved(!saveThemeChoice(next, pageStorage(), document.documentElement))
  }

  return (
    <section className="panel" aria-labelledby="appearance-heading">
      <h2 id="appearance-heading" className="panel__title">
        Appearance
      </h2>
      <fieldset className="appearance">
        <legend className="panel__text">Colour scheme, for this browser.</legend>
        <div className="choice-cards">
          {THEME_CHOICES.map((option) => (
            <label key={option} className="choice-card">
              <input
                type="radio"
                name={name}
                value={option}
                checked={choice === option}
                onChange={() => choose(option)}
              />
              <span className="choice-card__text">
                <span className="choice-card__label">{LABELS[option].label}</span>
                <span className="choice-card__description">{LABELS[option].description}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {unsaved && (
        <Notice tone="warning">
          This browser does not let Briefing store settings, so the scheme holds until you reload.
        </Notice>
      )}
    </section>
  )
}
