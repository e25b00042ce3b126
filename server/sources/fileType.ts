/**
 * Which importer a file needs, from its content first (PDF and ZIP signatures) and its name
 * second, so a PDF saved as ".txt" is still read as a PDF and garbage named ".pdf" is refused.
 */

import { SourceImportError } from './errors'

/** The file formats the importers read. */
export type FileType = 'html' | 'text' | 'pdf' | 'docx'

const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown'])
const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml'])

function extension(filename: string): string {
  const match = /\.([a-z0-9]+)$/i.exec(filename)
  return match?.[1]?.toLowerCase() ?? ''
}

function startsWith(bytes: Uint8Array, signature: string, within = 0): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, within + signature.length))
  return within === 0 ? head.startsWith(signature) : head.includes(signature)
}

/** Whether a ZIP archive holds a Word document body (entry names are stored uncompressed). */
function isDocx(bytes: Uint8Array): boolean {
  return new TextDecoder('latin1')
    .decode(bytes.subarray(0, Math.min(bytes.length, 65536)))
    .includes('word/')
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase()
  return /^(?:<!doctype html|<html|<head|<body|<article|<meta|<!--)/.test(head)
}

/** The type of the file `filename` holding `bytes`. */
export function detectFileType(filename: string, bytes: Uint8Array): FileType {
  const ext = extension(filename)
  // PDF allows junk before the signature; readers look within the first kilobyte.
  if (startsWith(bytes, '%PDF-', 1024)) return 'pdf'
  if (startsWith(bytes, 'PK\u0003\u0004')) {
    if (isDocx(bytes)) return 'docx'
    throw new SourceImportError(
      'unsupported-format',
      `${filename} is a ZIP archive but not a Word (.docx) document`,
    )
  }
  if (ext === 'pdf')
    throw new SourceImportError('unreadable', `${filename} is not a valid PDF (no %PDF- header)`)
  if (ext === 'docx')
    throw new SourceImportError(
      'unreadable',
      `${filename} is not a valid .docx file (not a ZIP archive)`,
    )
  if (HTML_EXTENSIONS.has(ext)) return 'html'
  if (TEXT_EXTENSIONS.has(ext)) return 'text'
  if (ext === '') return looksLikeHtml(bytes) ? 'html' : 'text'
  throw new SourceImportError(
    'unsupported-format',
    `${filename}: .${ext} files are not supported (use .txt, .html, .pdf or .docx)`,
  )
}
