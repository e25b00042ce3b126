/**
 * A read-only value (an invite link, a token) with a Copy button. Where the clipboard API is
 * refused (an insecure origin, a denied permission) the text is selected instead, so the
 * user can copy it with the keyboard.
 */
import { useEffect, useRef, useState } from 'react'
import { CheckIcon, CopyIcon } from './icons'

interface CopyFieldProps {
  value: string
  /** Names the field for screen readers, e.g. "Invite link". */
  label: string
}

export function CopyField({ value, label }: CopyFieldProps) {
  const input = useRef<HTMLInputElement>(null)
  const [status, setStatus] = useState<'idle' | 'copied' | 'select'>('idle')

  useEffect(() => {
    if (status !== 'copied') return
    const timer = window.setTimeout(() => setStatus('idle'), 2000)
    return () => window.clearTimeout(timer)
  }, [status])

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setStatus('copied')
    } catch {
      input.current?.select()
      setStatus('select')
    }
  }

  return (
    <div className="copy-field">
      <input
        ref={input}
        className="input copy-field__input"
        aria-label={label}
        value={value}
        readOnly
        onFocus={(event) => event.target.select()}
      />
      <button type="button" className="button button--ghost copy-field__button" onClick={copy}>
        {status === 'copied' ? <CheckIcon /> : <CopyIcon />}
        {status === 'copied' ? 'Copied' : 'Copy'}
      </button>
      {status === 'select' && (
        <output className="field__hint copy-field__hint">
          Copying was blocked by the browser; the text is selected, press Ctrl+C (⌘C) to copy.
        </output>
      )}
    </div>
  )
}
