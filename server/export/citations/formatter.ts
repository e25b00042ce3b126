/**
 * Formats a briefing's notes and Sources list with a CSL style through citation-js, so
 * punctuation, order of elements and date forms follow the style rather than code here.
 *
 * Briefing numbers citations by source (one source keeps one number), so there is one note
 * per source. For a note style (Chicago) the note is the style's full first note, with the
 * paragraphs the briefing cites as its locator; for an author-date or numeric style, whose
 * in-text form ("(Smith 2024)", "(1)") tells a reader little on its own, the note is the
 * style's reference entry followed by the locator.
 */
import fs from 'node:fs'
import { Cite, plugins } from '@citation-js/core'
import '@citation-js/plugin-csl'
import type { CitationStyle } from '../../../shared/briefing/settings'
import type { Source } from '../../../shared/sources/types'
import type { RichText } from '../model'
import { cslHtmlToRuns } from './cslHtml'
import { toCslItem } from './cslItem'

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

/** Formats notes and source entries in one style. */
export class CitationFormatter {
  private readonly spec: StyleSpec
  private readonly noteClass: boolean

  constructor(readonly style: CitationStyle) {
    const spec = STYLES[style]
    if (!spec) throw new RangeError(`Unknown citation style ${JSON.stringify(style)}`)
    ensureTemplates()
    this.spec = spec
    this.noteClass =
      plugins.config.get('@csl').engine([], spec.template, LOCALE, 'html').opt.class === 'note'
  }

  /** The note for `source`, citing `paragraphs` (1-based, ascending) as the locator. */
  note(source: Source, paragraphs: readonly number[]): RichText {
    const item = toCslItem(source)
    const locator = paragraphs.join(', ')
    if (this.noteClass) {
      const cited = { id: item.id, ...(locator ? { locator, label: 'paragraph' } : {}) }
      const html = new Cite([item]).format('citation', {
        template: this.spec.template,
        format: 'html',
        lang: LOCALE,
        // noteIndex > 0 asks for the note form; a first citation gets the full note.
        entry: { citationItems: [cited], properties: { noteIndex: 1 } },
      })
      return cslHtmlToRuns(html, source.url)
    }
    const entry = this.entry(source)
    if (!locator) return entry
    return [
      ...entry,
      { type: 'text', text: ` ${this.paragraphLabel(paragraphs.length)} ${locator}.` },
    ]
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
}
