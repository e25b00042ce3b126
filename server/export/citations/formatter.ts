/**
 * Formats a briefing's notes and Sources list with a CSL style through citation-js, so
 * punctuation, order of elements and date forms follow the style rather than code here.
 *
 * Every citation is its own note, numbered in document order, with the paragraph it cites
 * as its locator. The style's processor formats all of a document's citations together, so
 * its position rules apply: a note style (Chicago) gives a source's first citation the full
 * note and later ones the short form; an author-date or numeric style gives its citation
 * form each time, and the Sources list carries the full entries.
 */
import fs from 'node:fs'
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import type { CitationStyle } from '../../../shared/briefing/settings'
import type { Source } from '../../../shared/sources/types'
import type { RichText } from '../model'
import { cslHtmlToRuns } from './cslHtml'
import { type CslItem, toCslItem } from './cslItem'

const LOCALE = 'en-US'
const CHICAGO_TEMPLATE = 'briefing-chicago-fullnote'

interface StyleSpec {
  /** Template name in citation-js's registry. */
  template: string
  label: string
}

/** Each supported style, by its setting value. */
const STYLES: Record<CitationStyle, StyleSpec> = {
  chicago: { template: CHICAGO_TEMPLATE, label: 'Chicago (full notes)' },
  apa: { template: 'apa', label: 'APA' },
  harvard: { template: 'harvard1', label: 'Harvard' },
  vancouver: { template: 'vancouver', label: 'Vancouver' },
}

/** Human name of a style, for the colophon. */
export function citationStyleLabel(style: CitationStyle): string {
  return STYLES[style].label
}

/**
 * Makes sure citation-js knows the vendored Chicago style. Its template registry belongs
 * to the library and is process-wide, so this adds the style once and is safe to repeat;
 * citation-js falls back to APA silently for unknown names, which is why each name used
 * here is checked.
 */
function ensureTemplates(): void {
  const { templates } = plugins.config.get('@csl')
  if (!templates.has(CHICAGO_TEMPLATE)) {
    const url = new URL('./chicago-fullnote-briefing.csl', import.meta.url)
    templates.add(CHICAGO_TEMPLATE, fs.readFileSync(url, 'utf8'))
  }
  for (const spec of Object.values(STYLES)) {
    if (!templates.has(spec.template))
      throw new Error(`CSL template ${spec.template} is not available`)
  }
}

/** One citation to format: its source and the source paragraph it cites, if known. */
export interface CitationToFormat {
  source: Source
  paragraph: number | null
}

/** Formats notes and source entries in one style. */
export class CitationFormatter {
  private readonly spec: StyleSpec
  private readonly printsLocator: boolean

  constructor(readonly style: CitationStyle) {
    const spec = STYLES[style]
    if (!spec) throw new RangeError(`Unknown citation style ${JSON.stringify(style)}`)
    ensureTemplates()
    this.spec = spec
    this.printsLocator = this.stylePrintsLocator()
  }

  /**
   * One note per citation, in the order given (document order). The style's processor sees
   * every citation at once with its note number, so it applies its own position rules:
   * Chicago gives a source's first citation the full note and later ones the short note
   * (or the shortened "ibid." form right after the same source); author-date styles give
   * their in-text form, "(Smith, 2024, para. 3)", every time. A style whose citation form
   * prints no locator (Vancouver's "(1)") gets the paragraph appended, so every note still
   * says where in the source the words are.
   */
  notes(citations: readonly CitationToFormat[]): RichText[] {
    const html = this.render(
      citations.map((c) => ({ item: toCslItem(c.source), paragraph: c.paragraph })),
    )
    return citations.map((citation, index) => {
      const runs = cslHtmlToRuns(html[index] ?? '', citation.source.url)
      if (this.printsLocator || citation.paragraph === null) return runs
      const tail = `${this.paragraphLabel(1).toLowerCase()} ${citation.paragraph}.`
      return [...runs, { type: 'text', text: ` ${tail}` }]
    })
  }

  /** citeproc's HTML for each citation, processed together so positions are known. */
  private render(citations: readonly { item: CslItem; paragraph: number | null }[]): string[] {
    if (citations.length === 0) return []
    const items = new Map(citations.map((c) => [c.item.id, c.item]))
    const clusters = citations.map((citation, index) => ({
      citationID: `c${index + 1}`,
      citationItems: [
        {
          id: citation.item.id,
          ...(citation.paragraph !== null
            ? { locator: String(citation.paragraph), label: 'paragraph' }
            : {}),
        },
      ],
      properties: { noteIndex: index + 1 },
    }))
    const rendered = new Map(
      this.engine([...items.values()])
        .rebuildProcessorState(clusters, 'html', [])
        .map(([id, , html]) => [id, html]),
    )
    return clusters.map((cluster) => rendered.get(cluster.citationID) ?? '')
  }

  /** Whether the style's citation form prints a locator (most do; Vancouver's "(1)" does not). */
  private stylePrintsLocator(): boolean {
    const probe = 987654
    const [html] = this.render([
      { item: { id: 'probe', type: 'document', title: 'Probe' }, paragraph: probe },
    ])
    return (html ?? '').includes(String(probe))
  }

  /** The reference-list entry for `source`. */
  entry(source: Source): RichText {
    const html = new Cite([toCslItem(source)]).format('bibliography', {
      template: this.spec.template,
      format: 'html',
      lang: LOCALE,
    })
    return cslHtmlToRuns(html, source.url)
  }

  /** The style locale's short term for paragraph(s): "para." or "paras.". */
  private paragraphLabel(count: number): string {
    const engine = plugins.config.get('@csl').engine([], this.spec.template, LOCALE, 'text')
    const term = engine.getTerm('paragraph', 'short', count > 1 ? 1 : 0)
    return term.charAt(0).toUpperCase() + term.slice(1)
  }

  private engine(items: unknown[]) {
    return plugins.config.get('@csl').engine(items, this.spec.template, LOCALE, 'html')
  }
}
