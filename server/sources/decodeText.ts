/**
 * Bytes to text: a byte-order mark, the declared charset or an HTML meta charset; else UTF-8
 * when the bytes are valid UTF-8; else the charset chardet recognises (Shift_JIS, EUC-KR,
 * GB18030, windows-1251...), with windows-1252 for Western text and whenever chardet is
 * unsure. Binary data is refused rather than imported as mojibake.
 */

import chardet from 'chardet'
import { SourceImportError } from './errors'

/** Share of control or replacement characters above which bytes are not text. */
const MAX_JUNK_RATIO = 0.01

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

/** The charset an HTML document declares in its first bytes. */
function metaCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048))
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? null
}

/**
 * windows-1252's printable characters at 0x80-0x9f. Node's TextDecoder decodes the
 * "windows-1252" label as ISO-8859-1, leaving C1 controls where curly quotes should be.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

function decodeWindows1252(bytes: Uint8Array): string {
  const latin = new TextDecoder('latin1').decode(bytes)
  return latin.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80] ?? ch)
}

function decoderFor(label: string | null): TextDecoder | null {
  if (!label) return null
  try {
    return new TextDecoder(label)
  } catch {
    return null
  }
}

/**
 * Labels chardet gives Western text (it cannot tell the Latin code pages apart reliably:
 * measured, windows-1252 decodes them best) and UTF-16/32 without a byte-order mark, which it
 * reports for binary data.
 */
const NOT_DETECTED =
  /^(?:iso-8859-1|iso-8859-15|windows-125[02]|iso-8859-2|ascii|utf-8|utf-16.*|utf-32.*)$/i
/** Enough text for chardet's statistics; more only costs time. */
const DETECTION_SAMPLE = 64 * 1024

/**
 * chardet's confidence (0-100) below which its guess is noise: measured, its wrong guesses on
 * Western text scored 10, its right ones on Cyrillic and CJK text 19 and up.
 */
const MIN_CONFIDENCE = 15

/** Undeclared bytes that are not UTF-8: a legacy code page, recognised by chardet. */
function decodeUndeclared(bytes: Uint8Array): string {
  const best = chardet.analyse(bytes.subarray(0, DETECTION_SAMPLE))[0]
  const label = best && best.confidence >= MIN_CONFIDENCE ? best.name : null
  const decoder = label && !NOT_DETECTED.test(label) ? decoderFor(label) : null
  return decoder ? decoder.decode(bytes) : decodeWindows1252(bytes)
}

/** Control characters other than tab, newline, form feed and carriage return, and U+FFFD. */
function isJunk(code: number): boolean {
  return (
    (code < 32 && code !== 9 && code !== 10 && code !== 12 && code !== 13) ||
    code === 127 ||
    code === 0xfffd
  )
}

/** Whether decoded text is really text: no NULs, hardly any control or replacement characters. */
export function looksLikeText(text: string): boolean {
  let junk = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0) return false
    if (isJunk(code)) junk++
  }
  return junk <= Math.max(2, text.length * MAX_JUNK_RATIO)
}

/**
 * Decodes `bytes` named `what` (for error messages). `charset` is a declared charset (an HTTP
 * header); `html` lets a meta charset declare one.
 */
export function decodeText(
  bytes: Uint8Array,
  what: string,
  options: { charset?: string | null; html?: boolean } = {},
): string {
  const declared =
    bomEncoding(bytes) ?? options.charset ?? (options.html ? metaCharset(bytes) : null)
  const decoder = decoderFor(declared)
  let text: string
  // Browsers read a declared ISO-8859-1 as windows-1252 too (WHATWG Encoding).
  if (decoder?.encoding === 'windows-1252') {
    text = decodeWindows1252(bytes)
  } else if (decoder) text = decoder.decode(bytes)
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      text = decodeUndeclared(bytes)
    }
  }
  if (!looksLikeText(text)) {
    throw new SourceImportError('unreadable', `${what} is binary data, not text`)
  }
  return text.replace(/^\ufeff/, '')
}
