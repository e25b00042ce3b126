/**
 * Text folding for comparing extractions with hand-written truth: curly quotes and dashes to
 * their plain forms, whitespace collapsed, case ignored. Matching is by containment after
 * folding, as the corpus READMEs define it.
 */

/** The folded form of `text`. */
export function fold(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
}

/** `text` folded, without quotation marks and punctuation at either end. */
export function foldBare(text: string): string {
  return fold(text)
    .replace(/^[\s"'.,;:!?()[\]-]+|[\s"'.,;:!?()[\]-]+$/g, '')
    .trim()
}
