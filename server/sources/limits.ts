/**
 * How much work one source import may ask of the server, checked before anything is parsed.
 * Each cap sits far above what real documents need (measured below) and far below what makes
 * a parser spend seconds: Readability's cleaning grows faster than the square of the nesting
 * depth (800 nested divs took 4 s on the development machine, 400 took 0.9 s), and a .docx is
 * a zip whose XML can inflate a thousandfold. The worker's time limit (worker/importPool.ts)
 * catches whatever passes these and is still slow.
 */

/** The caps an import is held to; every field has a default in DEFAULT_IMPORT_LIMITS. */
export interface ImportLimits {
  /** Deepest element nesting in an HTML page (or in the HTML a .docx converts to). */
  maxHtmlDepth: number
  /** Most elements in an HTML page (or in the HTML a .docx converts to). */
  maxHtmlElements: number
  /** Most pages in a PDF. */
  maxPdfPages: number
  /** Largest uncompressed size of any one XML part of a .docx (document, styles, notes). */
  maxDocxXmlBytes: number
  /** Largest uncompressed size of all the parts of a .docx the importer reads, together. */
  maxDocxTotalBytes: number
  /** Most entries in a .docx archive. */
  maxDocxEntries: number
}

const MiB = 1024 * 1024

/**
 * The 204 real pages of the extraction corpora (shared/benchmarks, shared/fixtures) nest at
 * most 51 deep and hold at most 2,234 elements. A Word document's body XML runs about 140
 * bytes per plain paragraph, so 8 MiB is some 60,000 paragraphs; mammoth needs about 35 times
 * the XML's size in heap, and 15 MiB of XML ran out of an import thread's 512 MiB.
 */
export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxHtmlDepth: 256,
  maxHtmlElements: 100_000,
  maxPdfPages: 2_000,
  maxDocxXmlBytes: 8 * MiB,
  maxDocxTotalBytes: 16 * MiB,
  maxDocxEntries: 2_000,
})

/** `partial` over the defaults. */
export function importLimits(partial: Partial<ImportLimits> = {}): ImportLimits {
  return { ...DEFAULT_IMPORT_LIMITS, ...partial }
}
