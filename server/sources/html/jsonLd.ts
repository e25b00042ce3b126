/**
 * schema.org JSON-LD in a page: every object of its `application/ld+json` blocks (flattened out
 * of arrays and `@graph`), the article object among them, and the names in its author and
 * publisher values. Blocks wrapped in CDATA are read; malformed ones are skipped.
 */

/** A JSON-LD object. */
export type JsonObject = Record<string, unknown>

/** The page's JSON-LD objects, in document order. */
export function jsonLdObjects(document: Document): JsonObject[] {
  const objects: JsonObject[] = []
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (value && typeof value === 'object') {
      objects.push(value as JsonObject)
      const graph = (value as JsonObject)['@graph']
      if (graph) visit(graph)
    }
  }
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    // XHTML-minded templates wrap the JSON in CDATA markers, which are not JSON.
    const json = (script.textContent ?? '')
      .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '')
      .replace(/(?:\/\/\s*)?\]\]>\s*$/, '')
    try {
      visit(JSON.parse(json))
    } catch {
      // Broken JSON-LD is common on real pages and is simply not a source of metadata.
    }
  }
  return objects
}

const types = (object: JsonObject) =>
  [object['@type']].flat().filter((t): t is string => typeof t === 'string')

/** Types that describe the document itself, most specific first. */
const ARTICLE_TYPE = /Article$|BlogPosting|Report$|PressRelease|Statement|^Posting$/
const PAGE_TYPE = /WebPage$/

/** The object describing the article (a NewsArticle, Report, BlogPosting...), else the page. */
export function articleObject(objects: readonly JsonObject[]): JsonObject | null {
  return (
    objects.find((o) => types(o).some((t) => ARTICLE_TYPE.test(t))) ??
    objects.find((o) => types(o).some((t) => PAGE_TYPE.test(t))) ??
    null
  )
}

/** A trimmed, non-empty string value, else null. */
export function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

/**
 * Names in a person or organisation value (a string, an object with a name, or an array of
 * them). `people` keeps only values not typed as an organisation: an article "authored" by
 * its publisher names no byline.
 */
export function jsonLdNames(value: unknown, options: { people?: boolean } = {}): string[] {
  const names: string[] = []
  for (const item of [value].flat()) {
    if (typeof item === 'string') {
      if (!/^https?:/.test(item) && item.trim()) names.push(item.trim())
    } else if (item && typeof item === 'object') {
      const object = item as JsonObject
      if (options.people && types(object).some((t) => /Organi[sz]ation|Corporation/.test(t)))
        continue
      const name = text(object.name)
      if (name && !/^https?:/.test(name)) names.push(name)
    }
  }
  return names
}
