/**
 * Reads which characters a TrueType/OpenType font has glyphs for, from its `cmap` table.
 * Typst silently draws a blank box for a character no font in the chain covers, so the
 * exporter checks a briefing's text against the fonts it ships before typesetting and
 * reports what would be lost. Only the two subtable formats that carry Unicode in the
 * fonts we ship are read: 4 (BMP segments) and 12 (full-range groups).
 */

/** Code points a font maps to a glyph other than .notdef. */
export type Coverage = ReadonlySet<number>

/** Raised for a file that is not a font this reader understands. */
export class FontFormatError extends Error {
  override name = 'FontFormatError'
}

/** The Unicode code points `font` has glyphs for. Throws FontFormatError on anything else. */
export function readCoverage(font: Uint8Array, name = 'font'): Coverage {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength)
  const cmap = findTable(view, 'cmap', name)
  const subtable = pickUnicodeSubtable(view, cmap, name)
  const format = view.getUint16(subtable)
  if (format === 4) return readFormat4(view, subtable)
  if (format === 12) return readFormat12(view, subtable)
  throw new FontFormatError(`${name}: unsupported cmap subtable format ${format}`)
}

function findTable(view: DataView, tag: string, name: string): number {
  if (view.byteLength < 12) throw new FontFormatError(`${name}: too short to be a font`)
  const version = view.getUint32(0)
  // 0x00010000 is TrueType outlines, 'OTTO' is CFF outlines; both share the table directory.
  if (version !== 0x00010000 && version !== 0x4f54544f) {
    throw new FontFormatError(`${name}: not a TrueType or OpenType font`)
  }
  const count = view.getUint16(4)
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16
    const found = String.fromCharCode(
      view.getUint8(record),
      view.getUint8(record + 1),
      view.getUint8(record + 2),
      view.getUint8(record + 3),
    )
    if (found === tag) return view.getUint32(record + 8)
  }
  throw new FontFormatError(`${name}: no ${tag} table`)
}

/** Prefers the full-repertoire subtable (3,10) over the BMP one (3,1 or 0,x). */
function pickUnicodeSubtable(view: DataView, cmap: number, name: string): number {
  const count = view.getUint16(cmap + 2)
  let best = -1
  let bestRank = 0
  for (let i = 0; i < count; i++) {
    const record = cmap + 4 + i * 8
    const platform = view.getUint16(record)
    const encoding = view.getUint16(record + 2)
    const rank =
      platform === 3 && encoding === 10
        ? 3
        : platform === 0 && encoding >= 4
          ? 3
          : platform === 3 && encoding === 1
            ? 2
            : platform === 0
              ? 1
              : 0
    if (rank > bestRank) {
      bestRank = rank
      best = cmap + view.getUint32(record + 4)
    }
  }
  if (best < 0) throw new FontFormatError(`${name}: no Unicode cmap subtable`)
  return best
}

function readFormat4(view: DataView, at: number): Set<number> {
  const covered = new Set<number>()
  const segments = view.getUint16(at + 6) / 2
  const ends = at + 14
  const starts = ends + segments * 2 + 2
  const deltas = starts + segments * 2
  const rangeOffsets = deltas + segments * 2
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2)
    const start = view.getUint16(starts + s * 2)
    const delta = view.getInt16(deltas + s * 2)
    const rangeOffsetAt = rangeOffsets + s * 2
    const rangeOffset = view.getUint16(rangeOffsetAt)
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number
      if (rangeOffset === 0) glyph = (c + delta) & 0xffff
      else {
        const glyphAt = rangeOffsetAt + rangeOffset + (c - start) * 2
        glyph = view.getUint16(glyphAt)
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff
      }
      if (glyph !== 0) covered.add(c)
    }
  }
  return covered
}

function readFormat12(view: DataView, at: number): Set<number> {
  const covered = new Set<number>()
  const groups = view.getUint32(at + 12)
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + g * 12
    const start = view.getUint32(group)
    const end = view.getUint32(group + 4)
    const firstGlyph = view.getUint32(group + 8)
    for (let c = start; c <= end; c++) if (firstGlyph + (c - start) !== 0) covered.add(c)
  }
  return covered
}
