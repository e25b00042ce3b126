/**
 * The mark menu for the caret's block: the levels of the briefing's scheme, its controls and
 * release list where it has them, or the default. Opened from the block's control or
 * Mod-Alt-M; loaded on first use, so the editor page carries none of it.
 */
import type { Editor } from '@tiptap/core'
import { useState } from 'react'
import type * as Y from 'yjs'
import { readMarkingScheme } from '../../../../shared/markings/briefingScheme'
import { readPortion } from '../../../../shared/markings/portion'
import {
  formatPortion,
  MarkingError,
  markingKey,
  parseMarking,
} from '../../../../shared/markings/text'
import type { Marking } from '../../../../shared/markings/types'
import { MarkPopover } from '../MarkPopover'
import { markedBlockAt } from './caretBlock'

interface PortionMenuProps {
  editor: Editor
  /** The briefing's settings map (`settingsMap(doc)`), which names its scheme. */
  settings: Y.Map<unknown>
  onClose: () => void
}

const DEFAULT = ''

function current(editor: Editor, settings: Y.Map<unknown>): Marking | null {
  const block = markedBlockAt(editor.state)
  if (!block?.mark) return null
  try {
    return readPortion(readMarkingScheme(settings).scheme, block.mark)
  } catch {
    return null
  }
}

export function PortionMenu({ editor, settings, onClose }: PortionMenuProps) {
  const { scheme, portionDefault } = readMarkingScheme(settings)
  const [initial] = useState(() => current(editor, settings))
  const [level, setLevel] = useState(initial?.level ?? DEFAULT)
  const [controls, setControls] = useState<string[]>(initial?.controls ?? [])
  const [release, setRelease] = useState(initial?.releasableTo?.join(', ') ?? '')
  const [error, setError] = useState<string | null>(null)

  const apply = (): boolean => {
    let key: string | null = null
    if (level !== DEFAULT) {
      const portion = scheme.levels.find((l) => l.id === level)!.portion
      const parts = [portion, ...(controls.length ? [controls.join('/')] : [])]
      if (release.trim()) parts.push(`REL TO ${release}`)
      try {
        key = markingKey(scheme, parseMarking(scheme, parts.join('//')))
      } catch (err) {
        if (!(err instanceof MarkingError)) throw err
        setError(err.message)
        return false
      }
    }
    if (!editor.chain().focus().setPortionMarking(key).run()) {
      setError('Put the caret in a paragraph, heading, list item or quote first.')
      return false
    }
    return true
  }

  return (
    <MarkPopover
      editor={editor}
      className="portion-menu"
      title={`Portion mark (${scheme.name})`}
      error={error}
      submitLabel="Mark"
      onApply={apply}
      remove={null}
      onClose={onClose}
    >
      <fieldset className="portion-menu__levels">
        <legend className="field__label">Level</legend>
        {[
          { id: DEFAULT, label: `Default ${formatPortion(scheme, portionDefault)}` },
          ...scheme.levels.map((l) => ({ id: l.id, label: l.banner })),
        ].map((option) => (
          <label key={option.id} className="portion-menu__option">
            <input
              type="radio"
              name="portion-level"
              value={option.id}
              // biome-ignore lint/a11y/noAutofocus: the menu opens (often by shortcut) to choose.
              autoFocus={option.id === (initial?.level ?? DEFAULT)}
              checked={level === option.id}
              onChange={() => {
                setLevel(option.id)
                setError(null)
              }}
            />
            {option.label}
          </label>
        ))}
      </fieldset>
      {scheme.controls.length > 0 && level !== DEFAULT && (
        <fieldset className="portion-menu__levels">
          <legend className="field__label">Controls</legend>
          {scheme.controls.map((control) => (
            <label key={control} className="portion-menu__option">
              <input
                type="checkbox"
                checked={controls.includes(control)}
                onChange={(event) =>
                  setControls((now) =>
                    event.target.checked ? [...now, control] : now.filter((c) => c !== control),
                  )
                }
              />
              {control}
            </label>
          ))}
        </fieldset>
      )}
      {scheme.releaseLists && level !== DEFAULT && (
        <label className="field">
          <span className="field__label">Releasable to (country codes)</span>
          <input
            className="input"
            placeholder="USA, GBR"
            value={release}
            onChange={(event) => {
              setRelease(event.target.value)
              setError(null)
            }}
          />
        </label>
      )}
    </MarkPopover>
  )
}
