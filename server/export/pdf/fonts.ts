/**
 * The fonts the PDF is typeset in, besides Libertinus Serif (built into the compiler), and
 * the check that a briefing's text can be shown in them. The DejaVu families come from the
 * npm package dejavu-fonts-ttf, so a fresh machine has exactly the fonts a developer's has.
 *
 * Typst draws an empty box, without any warning, for a character no font in its chain
 * has. The template turns automatic fallback to system fonts off, so coverage is known in
 * advance: a character outside the shipped fonts' cmaps is reported before typesetting.
 * Libertinus Serif's own repertoire is not readable from the compiler; it is nearly a
 * subset of DejaVu's (measured: ~160 rare symbols such as circled numbers are not), so the
 * check can over-report those few, never under-report.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { readCoverage } from './cmap'

/** The shipped files the template's font chains name (regular, bold, italic of each). */
const FONT_FILES = [
  'DejaVuSerif.ttf',
  'DejaVuSerif-Bold.ttf',
  'DejaVuSerif-Italic.ttf',
  'DejaVuSerif-BoldItalic.ttf',
  'DejaVuSans.ttf',
  'DejaVuSans-Bold.ttf',
  'DejaVuSans-Oblique.ttf',
  'DejaVuSans-BoldOblique.ttf',
  'DejaVuSansMono.ttf',
  'DejaVuSansMono-Bold.ttf',
  'DejaVuSansMono-Oblique.ttf',
  'DejaVuSansMono-BoldOblique.ttf',
]

/** Files whose cmaps define coverage: the regular face of every family in the chains. */
const COVERAGE_FILES = ['DejaVuSerif.ttf', 'DejaVuSans.ttf', 'DejaVuSansMono.ttf']

/** How many distinct missing characters a report lists before summarising the rest. */
const MAX_LISTED = 12

export interface ExportFonts {
  /** Font files to hand to the compiler. */
  blobs: Buffer[]
  /** Code points at least one shipped font has a glyph for. */
  coverage: ReadonlySet<number>
}

/** The folder holding the DejaVu TTF files. */
export function dejavuDirectory(): string {
  const require = createRequire(import.meta.url)
  return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
}

/** Reads the shipped fonts and their coverage; throws naming a file that is missing. */
export function loadExportFonts(directory = dejavuDirectory()): ExportFonts {
  const read = (file: string) => {
    const full = path.join(directory, file)
    if (!fs.existsSync(full)) throw new Error(`export font ${full} is missing`)
    return fs.readFileSync(full)
  }
  const blobs = FONT_FILES.map(read)
  const coverage = new Set<number>()
  for (const file of COVERAGE_FILES) {
    for (const codePoint of readCoverage(read(file), file)) coverage.add(codePoint)
  }
  return { blobs, coverage }
}

// Characters that are layout, not glyphs: whitespace, controls, joiners and variation
// selectors never need a glyph of their own.
const NO_GLYPH_NEEDED = /\s|\p{Cc}|\p{Cf}|\p{Variation_Selector}/u

/**
 * One warning per batch of characters in `text` that no shipped font can show, e.g.
 * `no font has a glyph for U+4E2D "中" (3 times)`; empty when everything is covered.
 */
export function missingGlyphWarnings(text: string, coverage: ReadonlySet<number>): string[] {
  const missing = new Map<number, number>()
  for (const char of text) {
    const codePoint = char.codePointAt(0)!
    if (coverage.has(codePoint) || NO_GLYPH_NEEDED.test(char)) continue
    missing.set(codePoint, (missing.get(codePoint) ?? 0) + 1)
  }
  const warnings: string[] = []
  for (const [codePoint, count] of [...missing].slice(0, MAX_LISTED)) {
    const hex = codePoint.toString(16).toUpperCase().padStart(4, '0')
    const times = count === 1 ? 'once' : `${count} times`
    warnings.push(
      `no font has a glyph for U+${hex} "${String.fromCodePoint(codePoint)}" (${times}); it prints as a blank box`,
    )
  }
  if (missing.size > MAX_LISTED) {
    warnings.push(`${missing.size - MAX_LISTED} more characters have no glyph in the export fonts`)
  }
  return warnings
}
