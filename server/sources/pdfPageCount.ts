/**
 * A PDF's page count read from its bytes, before pdf.js opens the file. Opening makes pdf.js
 * parse the whole cross-reference table: for a 7 MiB file of 10,000 pages that is most of a
 * core for a second, only to refuse the file for its page count, and a hostile user can send
 * such files back to back. The page tree's root states the count (`/Type /Pages … /Count N`);
 * when it is visible in the bytes (not inside a compressed object stream) and over the cap,
 * the file is refused at once. Otherwise, or when this count is within the cap, pdf.js's own
 * count still decides (pdfImporter.ts): this is a fast path for refusal only, so a misread
 * can never let a file past the cap.
 */

/** How far around `/Type /Pages` its dictionary's `/Count` may sit. */
const DICT_WINDOW = 512

/** The largest `/Count` of a `/Type /Pages` dictionary visible in `bytes`, or null. */
export function statedPageCount(bytes: Uint8Array): number | null {
  // latin1 keeps one character per byte, so the PDF's ASCII syntax reads as it is.
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
  let largest: number | null = null
  for (const pages of text.matchAll(/\/Type\s*\/Pages(?![A-Za-z])/g)) {
    const at = pages.index ?? 0
    // Within this dictionary only: from the last `<<` before to the first `>>` after (a Pages
    // dictionary holds no nested dictionaries in practice, only /Kids references).
    const before = text.slice(Math.max(0, at - DICT_WINDOW), at)
    const after = text.slice(at, at + DICT_WINDOW)
    const end = after.indexOf('>>')
    const dict =
      before.slice(Math.max(0, before.lastIndexOf('<<'))) + (end < 0 ? after : after.slice(0, end))
    const count = /\/Count\s+(\d{1,9})(?!\d)/.exec(dict)
    if (count) largest = Math.max(largest ?? 0, Number(count[1]))
  }
  return largest
}
