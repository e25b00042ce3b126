/**
 * Who published a page. The site's own name for itself comes first (og:site_name, the JSON-LD
 * publisher, application-name), unless it is an address ("DW.COM") or a tagline; the title's
 * site suffix refines it when it spells the same name better or more fully ("HeraldSun" ->
 * "Herald Sun", "BuzzFeed" -> "BuzzFeed News"). Without one: a publisher meta tag, the title's
 * suffix, the owner in the copyright line, and last the brand inside a domain-like name.
 */

import { brandOfCompany, domainBrand, isDomainLike, nameKey, withoutAddress } from './siteNames'

/** Where a page names its publisher, each possibly missing. */
export interface PublisherSources {
  /** og:site_name, the JSON-LD publisher name, application-name: the site's names for itself. */
  siteNames: readonly (string | null)[]
  /** publisher / dc.publisher meta tags: often the company rather than the brand. */
  publisherTags: readonly (string | null)[]
  /** The last segment of the page's `<title>`, when it has separators. */
  titleSuffix: string | null
  /** The owner named in the page's copyright line. */
  copyrightOwner: string | null
  /** The page's title, which a site name must not merely repeat. */
  title: string | null
}

/** More words than this make a tagline ("News and in-depth reporting from Berlin"), not a name. */
const MAX_NAME_WORDS = 6

function isName(value: string | null, title: string | null): value is string {
  if (!value || /^https?:|^@/.test(value) || isDomainLike(value)) return false
  if (value.split(/\s+/).length > MAX_NAME_WORDS) return false
  // A slug ("themercurynews") is an identifier, not how the site writes its name.
  if (/^[a-z0-9]{10,}$/.test(value)) return false
  return !title || nameKey(value) !== nameKey(title)
}

/** The publisher's name, or null when the page does not say. */
export function choosePublisher(sources: PublisherSources): string | null {
  const suffix = sources.titleSuffix?.trim() || null
  const site = sources.siteNames.map((n) => n?.trim() ?? null).find((n) => isName(n, sources.title))
  if (site) {
    if (isName(suffix, sources.title) && nameKey(suffix).startsWith(nameKey(site))) return suffix
    return site
  }
  const tag = sources.publisherTags
    .map((n) => (n ? withoutAddress(n) : null))
    .find((n) => isName(n, sources.title))
  if (tag) return tag
  if (isName(suffix, sources.title)) return suffix
  const owner = sources.copyrightOwner
    ? brandOfCompany(withoutAddress(sources.copyrightOwner))
    : null
  if (isName(owner, sources.title)) return owner
  // Last resort: the brand inside an address the page gave as its name ("Salon.com" -> "Salon").
  for (const name of [...sources.siteNames, suffix]) {
    const brand = name && isDomainLike(name) ? domainBrand(name) : null
    if (brand) return brand
  }
  return null
}
