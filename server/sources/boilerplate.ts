/**
 * Line-level boilerplate: the page furniture readability lets through and the furniture of
 * pasted text (cookie notices, "related stories", comment prompts, copyright lines, "for the
 * latest news" footers, wire credits, press-release end marks). Only short paragraphs are
 * judged, so an article sentence that merely mentions cookies or subscriptions stays.
 */

/** Longer paragraphs are article text whatever words they contain. */
const MAX_BOILERPLATE_LENGTH = 300

const PATTERNS: readonly RegExp[] = [
  /\b(?:we|this (?:site|website)|our (?:site|website|partners)) uses? cookies\b/i,
  /\bcookie (?:policy|settings|preferences|notice|consent)\b/i,
  /\baccept (?:all )?cookies\b/i,
  /^(?:related|more|recommended|popular|trending|latest)(?: stories| articles| coverage| content| links| news| reading| from [\p{L} ]+)?\s*:?$/iu,
  /^(?:read|see) (?:more|next|also)\b/i,
  /^(?:you may|you might) also like\b/i,
  /^most (?:read|popular|viewed|shared)\b/i,
  /^(?:sign|log) (?:in|up)\b.{0,80}\b(?:comment|conversation|newsletter|account|continue|read|discussion)/i,
  /\bjoin the (?:conversation|discussion|debate)\b/i,
  /^(?:leave|post|add|view|show|hide) (?:a |all )?comments?\b/i,
  /^comments?(?:\s*\(\d+\))?\s*:?$/i,
  /^\d+ comments?$/i,
  /^subscribe\b/i,
  /\bsubscribe (?:for|to our|now|today)\b.{0,60}$/i,
  /^(?:sign up|register) (?:for|to)\b.{0,80}\b(?:newsletter|updates|alerts|briefing)/i,
  /^share(?: this| on|:|$)/i,
  /^follow us\b/i,
  /\bfollow (?:us|him|her|them|me) on\b/i,
  /^(?:advertisement|advert|sponsored(?: content)?|ad|promoted)$/i,
  /^for (?:the )?(?:latest|more|all the latest|breaking)\b.{0,40}\b(?:news|updates|coverage|stories)\b/i,
  /^(?:click|tap) here\b/i,
  /^(?:download|get) (?:the|our) app\b/i,
  /^this (?:article|story) (?:was|has been) (?:originally )?(?:published|first published)\b/i,
  /^(?:reporting|writing|editing|additional reporting|compiled) by\b/i,
  /^(?:photo|image|video|picture|graphic)(?: credit| source)?s?:/i,
  /^skip to (?:main )?content$/i,
  /^(?:back to top|print this (?:page|article)|email this (?:page|article))$/i,
  /\ball rights reserved\b/i,
  /^(?:©|\(c\)|copyright\b)/i,
]

/** Press-release end marks; what follows them is contact details, not the statement. */
const END_MARKS = /^(?:#\s*){3}$|^-?\s*30\s*-?$|^-+\s*ends?\s*-+$|^ends\.?$/i

/** Whether a paragraph is page furniture rather than article text. */
export function isBoilerplate(paragraph: string): boolean {
  if (paragraph.length > MAX_BOILERPLATE_LENGTH) return false
  return PATTERNS.some((pattern) => pattern.test(paragraph))
}

/** Whether a paragraph ends the document ("# # #", "-30-", "ENDS"). */
export function isEndMark(paragraph: string): boolean {
  return END_MARKS.test(paragraph.trim())
}

/**
 * The owner a copyright line names: "Copyright 2026 Meridian Wire. All rights reserved." ->
 * "Meridian Wire".
 */
export function publisherFromCopyright(paragraph: string): string | null {
  if (paragraph.length > MAX_BOILERPLATE_LENGTH) return null
  const match =
    /(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?([^.|·]+?)(?:\.|\s+all rights reserved|\s*[|·]|$)/i.exec(
      paragraph,
    )
  const owner = match?.[1]?.trim()
  if (!owner || owner.length < 2 || /^all rights/i.test(owner)) return null
  return owner
}
