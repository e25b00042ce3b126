/**
 * Line-level boilerplate: the page furniture readability lets through and the furniture of
 * pasted text (cookie notices, "related stories", comment prompts, copyright lines, "for the
 * latest news" footers, wire credits, press-release end marks, photo captions and credits,
 * newsletter and follow prompts, timestamps, a page's own address). Only short paragraphs are
 * judged, so an article sentence that merely mentions cookies or subscriptions stays.
 */

/** Longer paragraphs are article text whatever words they contain. */
const MAX_BOILERPLATE_LENGTH = 300

const PATTERNS: readonly RegExp[] = [
  // Cookie and consent notices.
  /\b(?:we|this (?:site|website)|our (?:site|website|partners)) uses? cookies\b/i,
  /\bcookie (?:policy|settings|preferences|notice|consent)\b/i,
  /\baccept (?:all )?cookies\b/i,
  // Headings and prompts of related-story lists ("Related:", "Read more", "Also on ...").
  /^(?:related|more|recommended|popular|trending|latest)(?: stories| articles| coverage| content| links| news| reading| from [\p{L} ]+)?\s*:?$/iu,
  /^\[?(?:related|see also|also on|more on this|more from|don'?t miss|must read|recommended)\b\s*:?/i,
  /^\(?(?:read|see) (?:more|next|also)\b/i,
  /^\(?(?:leggi anche|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|lea también|leia também|читайте также)\b/iu,
  /^(?:you may|you might) also like\b/i,
  /^most (?:read|popular|viewed|shared)\b/i,
  // Sign-in, comment, newsletter, follow and share prompts.
  /^(?:sign|log) (?:in|up)\b.{0,80}\b(?:comment|conversation|newsletter|account|continue|read|discussion)/i,
  /\bjoin the (?:conversation|discussion|debate)\b/i,
  /^join our\b.{0,60}\b(?:forums?|community|newsletter|club|mailing list)\b/i,
  /^(?:leave|post|add|view|show|hide) (?:a |all )?comments?\b/i,
  /^comments?(?:\s*\(\d+\))?\s*:?$/i,
  /^\d+ comments?$/i,
  /^tell us what you think\b/i,
  /^subscribe\b/i,
  /\bsubscribe (?:for|to our|now|today)\b.{0,60}$/i,
  /\b(?:sign up|register|subscribe)\b.{0,80}\b(?:newsletters?|inbox|alerts|briefing)\b/i,
  /\b(?:in|into|to) your inbox\b/i,
  /\bsubmit (?:your|a) (?:letter|story|tip|news tip|photo|comment|correction)\b/i,
  /\bbreaking news (?:alerts|emails)\b/i,
  /^share(?: this| on| it|:|$)/i,
  /^(?:like|liked|enjoy|enjoyed) this (?:story|article|post)\b/i,
  /^follow us\b/i,
  /\bfollow (?:us|him|her|them|me) on\b/i,
  /^follow @?\S+(?: \S+){0,3} on (?:twitter|facebook|instagram|youtube|linkedin)\b/i,
  /^(?:reach|contact|write to) (?:the )?(?:reporters?|writers?|authors?|\p{Lu}\p{L}+(?: \p{Lu}\p{L}+)?) (?:at|on|via)\b/iu,
  /^follow (?:ap'?s|our|the) (?:full |latest )?coverage\b/i,
  /^more (?:about|on|from) [^.!?]{1,70}$/i,
  /^more (?:ap|reuters|afp)\b.{0,40}:\s*https?:/i,
  /^(?:get|download) (?:the|our) app\b/i,
  /^(?:download|get) .{0,40}\bon the go\b/i,
  /^(?:click|tap) here\b/i,
  // Advertising labels, in the languages pages print them in.
  /^(?:advertisement|advert|sponsored(?: content)?|ad|promoted|anzeige|werbung|publicidad|publicité|pubblicità|publicidade|реклама|iklan|広告|광고)$/iu,
  /^for (?:the )?(?:latest|more|all the latest|breaking)\b.{0,40}\b(?:news|updates|coverage|stories)\b/i,
  // Provenance and credit lines.
  /^this (?:article|story) (?:was|has been) (?:originally )?(?:published|first published)\b/i,
  /^a version of this (?:article|story|report)\b.{0,40}\bappears? in print\b/i,
  /^\(?(?:reporting|writing|editing|additional reporting|compiled) by\b/i,
  /\bcontributed (?:reporting )?to this (?:report|story|article)\.?$/i,
  /^(?:with|from) (?:\p{Lu}\p{L}+ )?wires?\.?$/iu,
  /^source:\s*[\p{L} ,]+$/iu,
  // Photo captions and credits: "(AP Photo/...)", "(Image: GETTY)", "Getty Images".
  /^(?:photo|image|video|picture|graphic|foto|bild)(?: credit| source)?s?:/i,
  /\((?:ap|afp|reuters|epa|getty|photo|image|picture|credit|foto|bild)\b[^()]{0,120}\)\s*$/i,
  /^(?:[\p{L}. ]+\s*[|/]\s*)*(?:getty images|shutterstock|ap photo|reuters|afp|epa)(?:\s*[|/]\s*[\p{L}. ]+)*$/iu,
  /^in this\b.{0,60}\b(?:file )?photo\b/i,
  /^image \d+ of \/? ?\d+$/i,
  /^this slideshow requires javascript\.?$/i,
  /^(?:caption|close|enlarge|expand|hide caption|toggle caption)$/i,
  /^see more (?:photos|pictures|images)\s*:?$/i,
  // Site chrome.
  /^skip to (?:main )?content$/i,
  /\b(?:order reprints|today['’]s paper)\b/i,
  /^(?:back to top|print this (?:page|article)|email this (?:page|article)|order reprints|print article|text size|view author archive|email the author)$/i,
  /^(?:\d+\s*min(?:ute)?s? read|reading time\b|tempo de leitura\b|lesezeit\b|temps de lecture\b)/i,
  /^(?:tags?|filed under|posted in|categories|category|categoria|schlagwörter|etiquetas)\s*:/i,
  /\b(?:tel|fax)\b.{0,40}\d{3}[-. ]\d{4}/i,
  // Copyright lines.
  /\ball rights reserved\b/i,
  /^(?:©|\(c\)|copyright\b)/i,
  /©\s*\d{4}/,
]

/** A paragraph that is nothing but a web address (some sites print the page's own URL). */
const BARE_URL = /^(?:https?:\/\/|www\.)\S+$/i

/** Press-release end marks; what follows them is contact details, not the statement. */
const END_MARKS = /^(?:#\s*){3}$|^-?\s*30\s*-?$|^-+\s*ends?\s*-+$|^ends\.?$/i

/** Whether a paragraph is page furniture rather than article text. */
export function isBoilerplate(paragraph: string): boolean {
  if (paragraph.length > MAX_BOILERPLATE_LENGTH) return false
  return BARE_URL.test(paragraph) || PATTERNS.some((pattern) => pattern.test(paragraph))
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
