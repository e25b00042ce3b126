/**
 * "Cite source": attributes the selected words (a paraphrase) to a source, optionally to one
 * of its paragraphs, with the cite mark. The words stay the author's own, so nothing is
 * verified; the citation is numbered with the quotes and listed in the sources list.
 */
import type { Editor } from '@tiptap/core'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import type { CiteAttrs } from '../../../../shared/schema/marks/cite'
import type { Source } from '../../../../shared/sources'
import { sourceByline, sourceTitle } from '../../sources/sourceLabels'

interface CitePopoverProps {
  editor: Editor
  sources: readonly Source[]
  onClose: () => void
}

export function CitePopover({ editor, sources, onClose }: CitePopoverProps) {
  const existing = editor.isActive('cite')
    ? (editor.getAttributes('cite') as Partial<CiteAttrs>)
    : null
  const [sourceId, setSourceId] = useState(existing?.sourceId ?? sources.at(-1)?.id ?? '')
  const [paragraph, setParagraph] = useState(
    existing?.locator ? String(existing.locator.paragraph) : '',
  )
  const [error, setError] = useState<string | null>(null)
  const ref = useRef<HTMLFormElement>(null)
  const ids = { source: useId(), paragraph: useId() }
  const source = sources.find((s) => s.id === sourceId)

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) onClose()
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [onClose])

  const apply = (event: FormEvent) => {
    event.preventDefault()
    if (!source) return setError('Choose a source.')
    let locator: CiteAttrs['locator'] = null
    if (paragraph.trim()) {
      const n = Number(paragraph)
      if (!Number.isInteger(n) || n < 1 || n > source.paragraphs.length) {
        return setError(`The source has paragraphs 1 to ${source.paragraphs.length}.`)
      }
      locator = { paragraph: n }
    }
    const chain = editor.chain().focus()
    if (existing) chain.extendMarkRange('cite')
    chain.setCite({ sourceId: source.id, locator }).run()
    onClose()
  }

  const remove = () => {
    editor.chain().focus().extendMarkRange('cite').unsetCite().run()
    onClose()
  }

  return (
    <form
      ref={ref}
      className="popover cite-popover"
      onSubmit={apply}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          editor.commands.focus()
          onClose()
        }
      }}
      noValidate
    >
      <p className="popover__title">
        {existing ? 'Cited passage' : 'Cite a source for the selection'}
      </p>
      <div className="field">
        <label className="field__label" htmlFor={ids.source}>
          Source
        </label>
        <select
          id={ids.source}
          className="input select"
          value={sourceId}
          // biome-ignore lint/a11y/noAutofocus: the popover opens to take exactly this choice.
          autoFocus
          onChange={(event) => {
            setSourceId(event.target.value)
            setError(null)
          }}
        >
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {sourceTitle(s)}
              {sourceByline(s) ? ` — ${sourceByline(s)}` : ''}
            </option>
          ))}
        </select>
      </div>
      <div className="field cite-popover__paragraph">
        <label className="field__label" htmlFor={ids.paragraph}>
          Paragraph <span className="field__optional">optional</span>
        </label>
        <input
          id={ids.paragraph}
          className="input input--small"
          inputMode="numeric"
          placeholder={source ? `1–${source.paragraphs.length}` : ''}
          value={paragraph}
          aria-invalid={error !== null}
          onChange={(event) => {
            setParagraph(event.target.value.replace(/\D/g, ''))
            setError(null)
          }}
        />
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
      <div className="popover__actions">
        {existing && (
          <button type="button" className="button button--ghost button--small" onClick={remove}>
            Remove citation
          </button>
        )}
        <button type="submit" className="button button--primary button--small">
          {existing ? 'Update' : 'Cite'}
        </button>
      </div>
    </form>
  )
}
