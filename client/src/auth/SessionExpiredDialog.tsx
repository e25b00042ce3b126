/**
 * Laid over whatever page was open when the server stopped accepting the session. Nothing
 * under it is torn down: an open briefing keeps its Y.Doc, edits typed meanwhile stay in it,
 * and once the same person signs in again the page's connections resume and send them.
 */
import type { Me } from '../api/auth'
import { Modal } from '../ui/Modal'
import { useAuth } from './AuthProvider'
import { SignInForm } from './SignInForm'

interface SessionExpiredDialogProps {
  /** Who was signed in. */
  me: Me
  /** Closes the dialog to keep working signed out; the signed-out bar offers it again. */
  onDismiss: () => void
}

export function SessionExpiredDialog({ me, onDismiss }: SessionExpiredDialogProps) {
  const { signedIn } = useAuth()

  const onSignedIn = (next: Me) => {
    if (next.user.id === me.user.id) {
      signedIn(next)
      return
    }
    // Someone else signed in: nothing on this page may be sent in their name.
    window.location.assign('/')
  }

  return (
    <Modal title="Your session has ended" onDismiss={onDismiss}>
      <p className="modal__text">
        Sign in again to carry on. Nothing is lost: what you type in an open briefing stays on this
        device and is sent as soon as you are back.
      </p>
      <div className="modal__body">
        <SignInForm
          initialEmail={me.user.email}
          emailLocked
          submitLabel="Sign in and resume"
          onSignedIn={onSignedIn}
        />
      </div>
      <div className="modal__footer">
        <button type="button" className="link-button" onClick={onDismiss}>
          Keep working signed out
        </button>
        <a className="link-button" href="/signin">
          Use another account
        </a>
      </div>
    </Modal>
  )
}

/** The reminder shown while signed out after dismissing the dialog. */
export function SignedOutBar({ onSignIn }: { onSignIn: () => void }) {
  return (
    <output className="signed-out-bar">
      <span>
        <strong>You are signed out.</strong> Edits stay on this device until you sign in again.
      </span>
      <button type="button" className="button button--primary button--small" onClick={onSignIn}>
        Sign in
      </button>
    </output>
  )
}
