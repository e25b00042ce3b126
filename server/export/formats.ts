/** The formats a briefing exports to, and how each is delivered. */

export const EXPORT_FORMATS = ['pdf', 'docx', 'md', 'html'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface FormatSpec {
  contentType: string
  extension: string
}

export const FORMAT_SPECS: Record<ExportFormat, FormatSpec> = {
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
}

/** Narrows `value` to a format, or throws a RangeError naming it. */
export function parseExportFormat(value: unknown): ExportFormat {
  if ((EXPORT_FORMATS as readonly unknown[]).includes(value)) return value as ExportFormat
  throw new RangeError(
    `Unknown export format ${JSON.stringify(value)} (expected ${EXPORT_FORMATS.join(' | ')})`,
  )
}
