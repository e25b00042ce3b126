/**
 * How a site names itself, and how to tell a name from an address: folding names for
 * comparison ("HeraldSun" and "Herald Sun" are one name), recognising domains ("DW.COM",
 * "Salon.com") and the brand inside them, and the owner a copyright line names without its
 * legal form ("Salon Media Group, Inc." -> "Salon").
 */

/** Letters and digits only, lower-cased, a leading "the" dropped: the identity of a name. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
}

const DOMAIN = /^(?:https?:\/\/)?(?:www\.)?([\p{L}\p{N}-]+)(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}\/?$/iu

/** Whether a "name" is really a web address ("DW.COM", "salon.com", "www.example.org"). */
export function isDomainLike(name: string): boolean {
  return DOMAIN.test(name.trim())
}

/** The brand of a domain-like name or a URL's host: "Salon.com" -> "Salon", "www.dw.com" -> "dw". */
export function domainBrand(name: string): string | null {
  const host = /^[a-z]+:\/\//i.test(name) ? safeHost(name) : name.trim()
  if (!host) return null
  const labels = host.replace(/^www\./i, '').split('.')
  if (labels.length < 2) return null
  // "example.co.uk": the brand is the label before a two-part public suffix.
  const secondLevel = labels.length >= 3 && /^(?:co|com|org|net|ac|gov)$/i.test(labels.at(-2) ?? '')
  return labels.at(secondLevel ? -3 : -2) ?? null
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).hostname
  } catch {
    return null
  }
}

/** "Deutsche Welle (www.dw.com)" -> "Deutsche Welle": the address a name carries is not part of it. */
export function withoutAddress(name: string): string {
  return name.replace(/\s*\((?:https?:\/\/)?(?:www\.)?[^()\s]+\.[a-z]{2,}[^()]*\)\s*/gi, ' ').trim()
}

const LEGAL_FORM =
  /(?:,?\s+(?:inc|llc|l\.l\.c|ltd|limited|gmbh|ag|plc|corp|corporation|co|s\.?a|s\.?p\.?a|pty)\.?)+$/i
const OWNER_WORDS = /(?:\s+(?:media|group|publishing|holdings|company|&|and))+$/i

/** The brand a company name trades under: legal form and "Media Group" words dropped. */
export function brandOfCompany(name: string): string {
  const brand = name.replace(LEGAL_FORM, '').replace(OWNER_WORDS, '').trim()
  return brand || name.trim()
}
