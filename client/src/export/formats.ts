/** How the export menu names each format and what it says while the server works. */
import type { ExportFormat } from '../api/export'

export interface FormatLabels {
  /** The menu item. */
  label: string
  /** One line under the label: what the file is good for. */
  description: string
  /** Shown while the file is being made, e.g. "Typesetting PDF…". */
  progress: string
  /** How the outcome refers to the file, e.g. "the PDF". */
  noun: string
}

export const FORMAT_LABELS: Record<ExportFormat, FormatLabels> = {
  pdf: {
    label: 'PDF',
    description: 'Typeset with marking and page numbers',
    progress: 'Typesetting PDF…',
    noun: 'the PDF',
  },
  docx: {
    label: 'Word (.docx)',
    description: 'Editable, with real footnotes',
    progress: 'Preparing Word file…',
    noun: 'the Word file',
  },
  md: {
    label: 'Markdown',
    description: 'Plain text for wikis and repositories',
    progress: 'Preparing Markdown…',
    noun: 'the Markdown file',
  },
  html: {
    label: 'HTML',
    description: 'A standalone web page',
    progress: 'Preparing HTML…',
    noun: 'the HTML file',
  },
}
