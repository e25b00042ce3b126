/**
 * "Cite source": attributes the selected words (a paraphrase) to a source, optionally to one
 * of its paragraphs, with the cite mark. The words stay the author's own, so nothing is
 * verified; the citation is numbered with the quotes and listed in the sources list.
 */
import type { Editor } from '@tiptap/core'
import { useId, useState } from 'react'
import type { CiteAttrs } from '../../../../shared/schema/marks/cite'
import type { Source } from '../../../../shared/sources'
import { sourceByline, sourceTitle } from '../../sources/sourceLabels'
import { MarkPopover } from '../MarkPopover'

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
  const ids = { source: useId(), paragraph: useId() }
  const source = sources.find((s) => s.id === sourceId)

  const apply = (): boolean => {
    if (!source) {
      setError('Choose a source.')
      return false
    }
    let locator: CiteAttrs['locator'] = null
    if (paragraph.trim()) {
      const n = Number(paragraph)
      if (!Number.isInteger(n) || n < 1 || n > source.paragraphs.length) {
        setError(`The source has paragraphs 1 to ${source.paragraphs.length}.`)
        return false
      }
      locator = { paragraph: n }
    }
    const chain = editor.chain().focus()
    if (existing) chain.extendMarkRange('cite')
    chain.setCite({ sourceId: source.id, locator }).run()
    return true
  }

  return (
    <MarkPopover
      editor={editor}
      className="cite-popover"
      title={existing ? 'Cited passage' : 'Cite a source for the selection'}
      error={error}
      submitLabel={existing ? 'Update' : 'Cite'}
      onApply={apply}
      remove={
        existing
          ? {
              label: 'Remove citation',
              run: () => editor.chain().focus().extendMarkRange('cite').unsetCite().run(),
            }
          : null
      }
      onClose={onClose}
    >
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
    </MarkPopover>
  )
}
