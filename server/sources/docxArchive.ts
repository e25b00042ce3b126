/**
 * A .docx is a zip archive, and a zip can inflate a thousandfold: 71 KiB can hold 20 MB of
 * XML. Before mammoth inflates anything, the archive is measured here with yauzl: the central
 * directory's entry count and declared sizes first (no inflating at all), then the parts
 * mammoth reads are inflated once, as streams that yauzl stops as soon as one yields more
 * than it declared. So a lying header cannot slip a bomb past the declared-size check.
 */

import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import { SourceImportError } from './errors'
import type { ImportLimits } from './limits'

type ArchiveLimits = Pick<ImportLimits, 'maxDocxXmlBytes' | 'maxDocxTotalBytes' | 'maxDocxEntries'>

/**
 * The parts mammoth parses: the XML of the body, styles, numbering, notes, comments and the
 * relationship files. Images and embedded objects are never read (docxImporter drops images).
 */
function isParsedPart(name: string): boolean {
  return /\.(?:xml|rels)$/i.test(name)
}

/** Refuses the .docx `bytes` (named `filename`) if it is unreadable or inflates past the limits. */
export async function checkDocxArchive(
  bytes: Uint8Array,
  filename: string,
  limits: ArchiveLimits,
): Promise<void> {
  const zip = await openZip(bytes, filename)
  try {
    if (zip.entryCount > limits.maxDocxEntries) {
      throw tooLarge(
        `${filename} holds ${zip.entryCount} files; a .docx may hold ${limits.maxDocxEntries}`,
      )
    }
    const parts = await parsedParts(zip, filename, limits)
    for (const part of parts) await inflatedSize(zip, part, filename)
  } finally {
    zip.close()
  }
}

function openZip(bytes: Uint8Array, filename: string): Promise<yauzl.ZipFile> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return yauzl
    .fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true })
    .catch((error: Error) => {
      throw unreadable(filename, error)
    })
}

/** The entries mammoth will parse, after checking their declared sizes. */
async function parsedParts(
  zip: yauzl.ZipFile,
  filename: string,
  limits: ArchiveLimits,
): Promise<yauzl.Entry[]> {
  const parts: yauzl.Entry[] = []
  let total = 0
  for (const entry of await entries(zip, filename)) {
    if (!isParsedPart(entry.fileName)) continue
    if (entry.uncompressedSize > limits.maxDocxXmlBytes) {
      throw tooLarge(
        `${filename}: its part ${entry.fileName} inflates to ${mib(entry.uncompressedSize)}; a part may have ${mib(limits.maxDocxXmlBytes)}`,
      )
    }
    total += entry.uncompressedSize
    if (total > limits.maxDocxTotalBytes) {
      throw tooLarge(`${filename} inflates to more than ${mib(limits.maxDocxTotalBytes)} of XML`)
    }
    parts.push(entry)
  }
  return parts
}

/** Every central-directory entry, read without inflating anything. */
function entries(zip: yauzl.ZipFile, filename: string): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const found: yauzl.Entry[] = []
    zip.on('entry', (entry: yauzl.Entry) => {
      found.push(entry)
      zip.readEntry()
    })
    zip.once('end', () => resolve(found))
    zip.once('error', (error: Error) => reject(unreadable(filename, error)))
    zip.readEntry()
  })
}

/** Inflates `entry` to nowhere; yauzl fails the stream past its declared size. */
async function inflatedSize(zip: yauzl.ZipFile, entry: yauzl.Entry, filename: string) {
  let stream: Readable
  try {
    stream = await zip.openReadStreamPromise(entry)
  } catch (error) {
    throw unreadable(filename, error as Error)
  }
  try {
    for await (const _chunk of stream) {
      // Counting is yauzl's: it compares what came out with the declared size.
    }
  } catch (error) {
    const message = (error as Error).message
    if (/too many bytes in the stream/.test(message)) {
      throw tooLarge(`${filename}: its part ${entry.fileName} inflates past the size it declares`)
    }
    throw unreadable(filename, error as Error)
  }
}

function tooLarge(message: string): SourceImportError {
  return new SourceImportError('too-large', message)
}

function unreadable(filename: string, error: Error): SourceImportError {
  return new SourceImportError(
    'unreadable',
    `${filename} is not a readable .docx file: ${error.message}`,
  )
}

function mib(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`
}
