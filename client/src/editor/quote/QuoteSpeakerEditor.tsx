/**
 * Confirming or changing a quote block's speaker. Both go through `setQuoteSpeaker`, an
 * attribute change recording who checked the speaker and when, so the answer syncs to
 * everyone, can be undone, and is kept with the document.
 */
import type { Editor } from '@tiptap/core'
import type { SourceQuoteAttrs } from '../../../../shared/schema/nodes/sourceQuoteAttrs'
import type { SourcePerson } from '../../../../shared/sources'
import { roleOf } from '../../sources/speakerChoices'
import { SpeakerForm } from './SpeakerForm'
import type { VerificationView } from './verificationView'

/** Sets the block's speaker as `checkedBy`'s answer. */
export function setBlockSpeaker(
  editor: Editor,
  quoteId: string,
  speaker: string | null,
  speakerRole: string | null,
  checkedBy: string,
): boolean {
  return editor.commands.setQuoteSpeaker(quoteId, { speaker, speakerRole, checkedBy })
}

/** The name a Confirm button would confirm: the block's, else the importer's probable one. */
export function nameToConfirm(attrs: SourceQuoteAttrs, view: VerificationView): string | null {
  return attrs.speaker ?? (view.tone === 'unconfirmed' ? view.probable : null)
}

interface SpeakerActionsProps {
  editor: Editor
  attrs: SourceQuoteAttrs
  view: VerificationView
  choices: readonly SourcePerson[]
  userName: () => string
  onChange: () => void
}

/** "Confirm X" and "Someone else…", shown in the notice of an unconfirmed or changed speaker. */
export function SpeakerActions({
  editor,
  attrs,
  view,
  choices,
  userName,
  onChange,
}: SpeakerActionsProps) {
  const name = nameToConfirm(attrs, view)
  const set = (speaker: string, role: string | null) =>
    setBlockSpeaker(editor, attrs.quoteId, speaker, role, userName())
  if (view.tone === 'changed') {
    const { importer } = view
    return (
      <>
        {!view.checked && name && (
          <button
            type="button"
            className="button button--small button--primary"
            onClick={() => set(name, attrs.speakerRole)}
            title="Record that you checked the new speaker"
          >
            Confirm {name}
          </button>
        )}
        <button
          type="button"
          className="button button--small"
          onClick={() => set(importer.speaker, importer.speakerRole)}
        >
          Back to {importer.speaker}
        </button>
        <button type="button" className="button button--small button--ghost" onClick={onChange}>
          Someone else…
        </button>
      </>
    )
  }
  return (
    <>
      {name && (
        <button
          type="button"
          className="button button--small button--primary"
          onClick={() => set(name, attrs.speaker ? attrs.speakerRole : roleOf(choices, name))}
          title="Record that you checked who said this"
        >
          Confirm {name}
        </button>
      )}
      <button type="button" className="button button--small" onClick={onChange}>
        {name ? 'Someone else…' : 'Set speaker…'}
      </button>
    </>
  )
}

interface QuoteSpeakerFormProps {
  editor: Editor
  attrs: SourceQuoteAttrs
  choices: readonly SourcePerson[]
  userName: () => string
  onDone: () => void
}

/** The block's "Who said this?" form. */
export function QuoteSpeakerForm({
  editor,
  attrs,
  choices,
  userName,
  onDone,
}: QuoteSpeakerFormProps) {
  return (
    <SpeakerForm
      className="quote-block__speaker-form"
      title="Who said this?"
      note="Pick one of the people in the source, or type a name."
      initial={{ speaker: attrs.speaker, speakerRole: attrs.speakerRole }}
      choices={choices}
      submitLabel={(speaker) => (speaker ? 'Save speaker' : 'Save as unattributed')}
      onSubmit={(answer) => {
        setBlockSpeaker(editor, attrs.quoteId, answer.speaker, answer.speakerRole, userName())
        onDone()
      }}
      onCancel={onDone}
    />
  )
}
