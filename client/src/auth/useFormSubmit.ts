/**
 * The state of a form that sends one request when submitted: busy while the request runs, and
 * the error to show, under the field the server named or over the whole form (see formError).
 */
import { useState } from 'react'
import { type FormError, formErrorOf } from './formError'

interface FormSubmitOptions {
  /** Success takes the person elsewhere, so the form stays busy rather than flicker back. */
  leavesOnSuccess?: boolean
}

export function useFormSubmit(
  fields: readonly string[],
  { leavesOnSuccess = false }: FormSubmitOptions = {},
) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<FormError | null>(null)

  /**
   * Shows `problem` (the form's own check of its input) if there is one; otherwise runs
   * `send`, and shows its failure.
   */
  const run = async (problem: FormError | null, send: () => Promise<void>) => {
    if (problem) return setError(problem)
    setBusy(true)
    setError(null)
    try {
      await send()
      if (!leavesOnSuccess) setBusy(false)
    } catch (err) {
      setError(formErrorOf(err, fields))
      setBusy(false)
    }
  }

  return { busy, error, setError, run }
}
