/**
 * The header lines at the top of a plain-text document: title, byline ("By Lena Ortmann |
 * Published November 3, 2026"), dateline ("Talvo City, November 12, 2026"), and the issuing body
 * that official documents put above their title ("Ministry of Foreign Affairs of ...").
 * Reading stops at the first line that reads as body text.
 */

import { parseSpeakerLabel } from '../../shared/quotes/extract'
import type { SourceMetadata } from '../../shared/sources/types'
import { findDate } from './dates'

/** What the header gave, and how many leading lines of the document it used. */
export interface TextHeader extends Omit<SourceMetadata, 'url'> {
  linesUsed: number
  /** The header marked the document as a statement or press release. */
  statement: boolean
  /** Header lines that were neither title nor metadata (a standfirst): they stay body text. */
  leftover: string[]
}

const MAX_HEADER_LINES = 8
const MAX_TITLE_LENGTH = 160
const BYLINE = /^by\s+(\p{Lu}.*)$/iu
/** "Ellen Marsh, Environment Correspondent": a byline written without "By". */
const CREDIT_LINE =
  /^(\p{Lu}[\p{L}'’.-]+(?: \p{Lu}[\p{L}'’.-]+){1,3})\s*(?:,|\||—|–)\s*[\p{L} ]*\b(?:correspondent|editor|reporter|writer|columnist|staff|contributor|analyst|bureau chief)s?\b.*$/iu
const RELEASE_LABEL =
  /^(?:for immediate release|press release|media release|news release|statement|joint statement|embargoed.*)$/i
const ORGANISATION_HEAD =
  /^(?:the\s+)?(?:ministry|department|office|embassy|government|permanent mission|mission|agency|commission|council|secretariat|presidency|white house|state department|foreign office|bureau)\b|\b(?:ministry|department|office|embassy|agency|commission|council|secretariat|wire|press|news|times|post|herald|tribune|journal|gazette|agency)$/i

/** A byline's names: "Lena Ortmann | Published ..." -> "Lena Ortmann". */
export function bylineNames(text: string): string | null {
  const names = text
    .replace(/^by\s+/i, '')
    .split(/\s*[|·•;(—–]\s*|\s+-\s+/)[0]
    ?.split(/\s*,\s*/)[0]
    ?.trim()
  return names && /^\p{Lu}/u.test(names) && names.length <= 80 ? names : null
}

/** The line with its date and date words removed, to judge whether anything else is in it. */
function withoutDate(line: string): { date: string | null; rest: string } {
  const found = findDate(line)
  if (!found) return { date: null, rest: line }
  const rest = (line.slice(0, found.index) + line.slice(found.index + found.length))
    .replace(/\b(?:published|updated|posted|issued|released|on|at|dated)\b/gi, '')
    .replace(/\b\d{1,2}[:.]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:[A-Z]{2,4})?\b/gi, '')
    .replace(/[|·•,;()\s—–-]+/g, ' ')
    .trim()
  return { date: found.iso, rest }
}

function isBodyLine(line: string): boolean {
  if (line.length > 220 || parseSpeakerLabel(line)?.upperCase) return true
  // A sentence, or a dateline opening a story ("GENEVA — Negotiators left ...").
  return /[.!]$/.test(line) || /^[\p{Lu}][\p{Lu} .,'’-]{1,40}(?:\([^)]*\))?\s+[—–-]\s/u.test(line)
}

/** Reads the header from the document's leading lines. */
export function readHeader(lines: readonly string[]): TextHeader {
  const header: TextHeader = {
    title: null,
    byline: null,
    publisher: null,
    publishedAt: null,
    linesUsed: 0,
    statement: false,
    leftover: [],
  }
  const candidates: string[] = []
  for (const line of lines.slice(0, MAX_HEADER_LINES)) {
    const byline = BYLINE.exec(line)
    const { date, rest } = withoutDate(line)
    const credit = CREDIT_LINE.exec(line)
    if (byline && line.length <= 160) {
      header.byline ??= bylineNames(line)
      header.publishedAt ??= date
    } else if (credit && candidates.length > 0 && line.length <= 160) {
      header.byline ??= credit[1] ?? null
      header.publishedAt ??= date
    } else if (date && rest.split(' ').filter(Boolean).length <= 5) {
      header.publishedAt ??= date
      // "Office of the High Representative, 3 February 2027": the issuer dates its document.
      if (ORGANISATION_HEAD.test(rest)) header.publisher ??= rest
    } else if (RELEASE_LABEL.test(line)) {
      header.statement = true
    } else if (!isBodyLine(line) && line.length <= MAX_TITLE_LENGTH) {
      candidates.push(line)
    } else {
      break
    }
    header.linesUsed++
  }
  // Official documents put the issuing body above the title; news puts the title first.
  if (candidates.length >= 2 && ORGANISATION_HEAD.test(candidates[0] ?? '')) {
    header.publisher = candidates.shift() ?? null
  }
  header.title = candidates.shift() ?? null
  header.leftover = candidates
  if (
    header.title &&
    /^(?:joint\s+)?statement\b|\bstatement (?:by|from|on)\b/i.test(header.title)
  ) {
    header.statement = true
  }
  return header
}
