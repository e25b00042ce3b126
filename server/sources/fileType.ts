/**
 * Which importer a file needs, from its content first and its name second, so a PDF saved as
 * ".txt" is still read as a PDF and garbage named ".pdf" is refused. Binary signatures are
 * file-type's (PDF, Word's ZIP package, and the images, archives and media it names in the
 * refusal); two things it does not do stay here: a PDF header after leading junk (readers
 * accept it within the first kilobyte; file-type looks at offset 0 only) and telling HTML
 * from plain text, which have no signature.
 */

import { fileTypeFromBuffer } from 'file-type'
import { SourceImportError } from './errors'

/** The file formats the importers read. */
export type FileType = 'html' | 'text' | 'pdf' | 'docx'

const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown'])
const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml'])
/** What file-type reports for formats the importers read as text, or for XML-based HTML. */
const TEXTUAL_MIME = /^(?:text\/|application\/(?:xml|xhtml))/

function extension(filename: string): string {
  const match = /\.([a-z0-9]+)$/i.exec(filename)
  return match?.[1]?.toLowerCase() ?? ''
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 1024 + 5)).includes('%PDF-')
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).trimStart().toLowerCase()
  return /^(?:<!doctype html|<html|<head|<body|<article|<meta|<!--)/.test(head)
}

/** The type of the file `filename` holding `bytes`. */
export async function detectFileType(filename: string, bytes: Uint8Array): Promise<FileType> {
  const ext = extension(filename)
  const sniffed = await fileTypeFromBuffer(bytes)
  if (sniffed?.ext === 'pdf' || (!sniffed && hasPdfHeader(bytes))) return 'pdf'
  if (sniffed?.ext === 'docx') return 'docx'
  if (sniffed?.ext === 'zip') {
    throw new SourceImportError(
      'unsupported-format',
      `${filename} is a ZIP archive but not a Word (.docx) document`,
    )
  }
  if (sniffed && !TEXTUAL_MIME.test(sniffed.mime)) {
    throw new SourceImportError(
      'unsupported-format',
      `${filename} is ${sniffed.mime} (.${sniffed.ext}), not a document (use .txt, .html, .pdf or .docx)`,
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
