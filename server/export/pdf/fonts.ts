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
import { type Coverage, readCoverage } from './cmap'

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

/** The folder holding the DejaVu TTF files. */
export function dejavuDirectory(): string {
  const require = createRequire(import.meta.url)
  return path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
}

/**
 * Paths of the font files to hand to the compiler; throws naming a file that is missing.
 * The typesetting thread reads them itself (see typstWorker.ts), so the main thread never
 * holds the 5 MB of font data only the compiler needs.
 */
export function exportFontFiles(directory = dejavuDirectory()): string[] {
  return FONT_FILES.map((file) => existing(directory, file))
}

/** Code points at least one shipped font has a glyph for. */
export function loadExportCoverage(directory = dejavuDirectory()): Coverage {
  const coverage = new Set<number>()
  for (const file of COVERAGE_FILES) {
    const font = fs.readFileSync(existing(directory, file))
    for (const codePoint of readCoverage(font, file)) coverage.add(codePoint)
  }
  return coverage
}

function existing(directory: string, file: string): string {
  const full = path.join(directory, file)
  if (!fs.existsSync(full)) throw new Error(`export font ${full} is missing`)
  return full
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
  // Indexing, not `for (const char of text)`: this runs on the main thread for every PDF
  // export, and a string per character made it ~20 ms for 100 pages instead of ~5.
  for (let i = 0; i < text.length; i++) {
    const codePoint = text.codePointAt(i)!
    if (codePoint > 0xffff) i++ // its low surrogate was read with it
    if (coverage.has(codePoint) || NO_GLYPH_NEEDED.test(String.fromCodePoint(codePoint))) continue
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
