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
import { type CitationEngine, Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import type { CitationStyle } from '../../../shared/briefing/settings'
import type { Source } from '../../../shared/sources/types'
import type { RichText } from '../model'
import { cslHtmlToRuns } from './cslHtml'
import { type CslItem, toCslItem } from './cslItem'

const LOCALE = 'en-US'
/** Citations citeproc processes at once; see `render`. */
const CITATIONS_PER_CHUNK = 40
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

  private readonly citationsPerChunk: number
  private readonly onePass: boolean

  /**
   * `tuning` is for tests, which compare the notes with those of one citeproc pass over
   * every citation (`onePass`), and make chunks small to have many.
   */
  constructor(
    readonly style: CitationStyle,
    tuning: { citationsPerChunk?: number; onePass?: boolean } = {},
  ) {
    this.onePass = tuning.onePass ?? false
    this.citationsPerChunk = this.onePass
      ? Number.POSITIVE_INFINITY
      : (tuning.citationsPerChunk ?? CITATIONS_PER_CHUNK)
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
    const { kept, sameAs } = this.onePass
      ? { kept: citations.map((_, i) => i), sameAs: citations.map((_, i) => i) }
      : distinctCitations(citations)
    const items = new Map(citations.map((c) => [c.source.id, toCslItem(c.source)]))
    const html = this.render(
      kept.map((index) => ({
        item: items.get(citations[index]!.source.id)!,
        paragraph: citations[index]!.paragraph,
      })),
    )
    const byKept = new Map(kept.map((index, at) => [index, html[at] ?? '']))
    const runsOf = new Map<number, RichText>()
    return citations.map((citation, index) => {
      const first = sameAs[index]!
      let runs = runsOf.get(first)
      if (!runs) {
        runs = cslHtmlToRuns(byKept.get(first) ?? '', citation.source.url)
        if (!this.printsLocator && citation.paragraph !== null) {
          const tail = `${this.paragraphLabel(1).toLowerCase()} ${citation.paragraph}.`
          runs = [...runs, { type: 'text', text: ` ${tail}` }]
        }
        runsOf.set(first, runs)
      }
      return runs.map((run) => ({ ...run }))
    })
  }

  /**
   * citeproc's HTML for each citation, in order, with the positions the style sees in the
   * whole sequence. citeproc's cost grows faster than the number of citations (1,800 took
   * seconds), so they are processed in chunks. A citation's position depends only on
   * whether its source was cited before and on the citation just before it (no bundled
   * style uses near-note), so each chunk is preceded by one citation of every source cited
   * so far, then the citation that really precedes it, and followed by one citation of every
   * source not cited yet, so disambiguation (APA's "2024a") sees every source, as in one pass.
   */
  private render(citations: readonly { item: CslItem; paragraph: number | null }[]): string[] {
    const items = new Map(citations.map((c) => [c.item.id, c.item]))
    const engine = this.engine([...items.values()])
    const out: string[] = []
    const cited: string[] = []
    for (let start = 0; start < citations.length; start += this.citationsPerChunk) {
      const before = citations[start - 1]
      // In first-cited order, which numeric styles number by.
      const primers = cited.map((id) => ({ id, paragraph: null as number | null }))
      if (before) primers.push({ id: before.item.id, paragraph: before.paragraph })
      const chunk = citations.slice(start, start + this.citationsPerChunk)
      // Sources first cited after the chunk follow it, unread: a later citation never changes
      // an earlier one's position, but can change its disambiguation, as in one pass.
      const later = [...items.keys()]
        .filter((id) => !cited.includes(id) && !chunk.some((c) => c.item.id === id))
        .map((id) => ({ id, paragraph: null as number | null }))
      const sequence = [
        ...primers,
        ...chunk.map((c) => ({ id: c.item.id, paragraph: c.paragraph })),
        ...later,
      ]
      const clusters = sequence.map((citation, index) => ({
        citationID: `c${index + 1}`,
        citationItems: [
          {
            id: citation.id,
            ...(citation.paragraph !== null
              ? { locator: String(citation.paragraph), label: 'paragraph' }
              : {}),
          },
        ],
        properties: { noteIndex: index + 1 },
      }))
      const rendered = processCitations(engine, [...items.keys()], clusters)
      for (let i = primers.length; i < primers.length + chunk.length; i++) {
        out.push(rendered.get(clusters[i]!.citationID) ?? '')
      }
      for (const citation of chunk) {
        if (!cited.includes(citation.item.id)) cited.push(citation.item.id)
      }
    }
    return out
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

/**
 * citeproc's `rebuildProcessorState`, with every item of the document registered rather than
 * only those `clusters` cite: the citations of one cluster at a time, each seeing those
 * before it; a later one may re-render an earlier one (disambiguation), so the last
 * rendering of each wins.
 */
function processCitations(
  engine: CitationEngine,
  itemIds: string[],
  clusters: { citationID: string; properties: { noteIndex: number } }[],
): Map<string, string> {
  engine.updateItems(itemIds)
  engine.setOutputFormat('html')
  const before: [string, number][] = []
  const rendered = new Map<string, string>()
  for (const cluster of clusters) {
    const [, updates] = engine.processCitationCluster(cluster, before, [])
    before.push([cluster.citationID, cluster.properties.noteIndex])
    for (const [index, html] of updates) rendered.set(before[index]![0], html)
  }
  return rendered
}

/**
 * Which citations citeproc must see. A citation's note depends on its source, its paragraph,
 * whether the source was cited before and the citation just before it (no bundled style uses
 * near-note), and on the set of sources (disambiguation). Citations alike in all of these get
 * the same note, so only the first of each kind is formatted, together with the citation
 * before it (unread, for its position) and in document order, which keeps every source's
 * first citation and so the order sources are first cited in. `sameAs[i]` is the index of
 * the citation whose note citation i shares; `kept` the indexes to format, ascending.
 */
export function distinctCitations(citations: readonly CitationToFormat[]): {
  kept: number[]
  sameAs: number[]
} {
  const firstOfKind = new Map<string, number>()
  const keep = new Set<number>()
  const seen = new Set<string>()
  const sameAs = citations.map((citation, index) => {
    const id = citation.source.id
    const before = citations[index - 1]
    const after = before?.source.id === id ? String(before.paragraph) : '-'
    const kind = JSON.stringify([id, citation.paragraph, seen.has(id), after])
    seen.add(id)
    const known = firstOfKind.get(kind)
    if (known !== undefined) return known
    firstOfKind.set(kind, index)
    keep.add(index)
    if (index > 0) keep.add(index - 1)
    return index
  })
  return { kept: [...keep].sort((a, b) => a - b), sameAs }
}
