/** Errors an export can end in, each naming what went wrong so callers can report it. */

/** One diagnostic from the Typst compiler. */
export interface TypstDiagnostic {
  message: string
  severity: 'error' | 'warning'
  /** File the diagnostic points into, relative to the template folder, when known. */
  path: string | null
  /** Character range in that file, as the compiler reports it (e.g. "12:4-12:9"). */
  range: string | null
}

/** Typst could not typeset the briefing; `diagnostics` holds the compiler's own words. */
export class ExportCompileError extends Error {
  override name = 'ExportCompileError'
  constructor(readonly diagnostics: TypstDiagnostic[]) {
    super(
      `PDF typesetting failed: ${
        diagnostics
          .filter((d) => d.severity === 'error')
          .map((d) => d.message)
          .join('; ') || 'the compiler reported no diagnostic'
      }`,
    )
  }
}

/** The briefing's document does not fit the schema, so it cannot be exported faithfully. */
export class InvalidDocumentError extends Error {
  override name = 'InvalidDocumentError'
}
