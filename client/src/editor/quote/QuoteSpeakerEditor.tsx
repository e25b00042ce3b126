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
  const confirm = () => {
    if (!name) return
    const role = attrs.speaker ? attrs.speakerRole : roleOf(choices, name)
    setBlockSpeaker(editor, attrs.quoteId, name, role, userName())
  }
  return (
    <>
      {name && (
        <button
          type="button"
          className="button button--small button--primary"
          onClick={confirm}
          title="Record that you checked who said this"
        >
          {view.tone === 'changed' ? 'Confirm change' : `Confirm ${name}`}
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
  view: VerificationView
  choices: readonly SourcePerson[]
  userName: () => string
  onDone: () => void
}

/** The block's "Who said this?" form. */
export function QuoteSpeakerForm({
  editor,
  attrs,
  view,
  choices,
  userName,
  onDone,
}: QuoteSpeakerFormProps) {
  const note =
    view.tone === 'changed' || view.tone === 'unconfirmed'
      ? view.detail
      : 'Pick one of the people in the source, or type a name.'
  return (
    <SpeakerForm
      className="quote-block__speaker-form"
      title="Who said this?"
      note={note}
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
