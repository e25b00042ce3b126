/**
 * The portion-marking part of "Document settings": which scheme the briefing's portion marks
 * use (TLP 2.0 or classification) and the mark an unmarked block takes. Like the other fields,
 * only what this user changed is written; the rest follows the live document.
 */
import type * as Y from 'yjs'
import { BRIEFING_SCHEMES, readMarkingScheme } from '../../../shared/markings/briefingScheme'
import { formatPortion } from '../../../shared/markings/text'

/** What the user changed: a scheme id, and/or a default (a level's key, or null for lowest). */
export interface SchemeDraft {
  scheme?: string
  portionDefault?: string | null
}

interface PortionSchemeFieldsProps {
  settings: Y.Map<unknown>
  draft: SchemeDraft
  onChange: (draft: SchemeDraft) => void
  disabled: boolean
}

export function PortionSchemeFields({
  settings,
  draft,
  onChange,
  disabled,
}: PortionSchemeFieldsProps) {
  const live = readMarkingScheme(settings)
  const schemeId = draft.scheme ?? live.scheme.id
  const scheme = BRIEFING_SCHEMES[schemeId]!
  // A new scheme starts from its lowest level: the old default belonged to the old scheme.
  const portionDefault =
    draft.portionDefault !== undefined
      ? draft.portionDefault
      : schemeId === live.scheme.id
        ? live.portionDefaultKey
        : null
  return (
    <fieldset className="doc-settings__group" disabled={disabled}>
      <legend className="doc-settings__legend">Portion marks</legend>
      <div className="choice-cards">
        {Object.values(BRIEFING_SCHEMES).map((s) => (
          <label key={s.id} className="choice-card">
            <input
              type="radio"
              name="marking-scheme"
              checked={schemeId === s.id}
              onChange={() => onChange({ scheme: s.id, portionDefault: null })}
            />
            <span className="choice-card__text">
              <span className="choice-card__label">{s.name}</span>
              <span className="choice-card__description">
                {s.levels.map((l) => l.portion).join(' < ')}
              </span>
            </span>
          </label>
        ))}
      </div>
      <label className="field">
        <span className="field__label">Unmarked paragraphs are</span>
        <select
          className="input"
          value={portionDefault ?? ''}
          onChange={(event) =>
            onChange({ ...draft, scheme: schemeId, portionDefault: event.target.value || null })
          }
        >
          {scheme.levels.map((level, index) => (
            <option key={level.id} value={index === 0 ? '' : level.portion}>
              {formatPortion(scheme, { level: level.id, controls: [], releasableTo: null })}
            </option>
          ))}
        </select>
      </label>
      {live.problems.length > 0 && (
        <p className="field__hint">Ignored: {live.problems.join('; ')}</p>
      )}
    </fieldset>
  )
}
