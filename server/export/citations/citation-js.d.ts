/**
 * The part of citation-js the exporter uses; the packages ship no type declarations.
 * `@citation-js/plugin-csl` registers itself on import, adding the '@csl' config below.
 */
declare module '@citation-js/core' {
  export interface CiteFormatOptions {
    template?: string
    format?: 'text' | 'html'
    lang?: string
    entry?: unknown
  }
  export class Cite {
    constructor(data: unknown)
    format(kind: 'citation' | 'bibliography', options?: CiteFormatOptions): string
  }
  export interface CitationEngine {
    getTerm(term: string, form?: string, plural?: number): string
    opt: { class: 'note' | 'in-text' }
    /** Registers the items citations may cite (the set disambiguation works over). */
    updateItems(ids: string[]): void
    setOutputFormat(format: 'html' | 'text'): void
    /**
     * Renders `citation` after the citations `before` ([citationID, noteIndex] each); answers
     * the renderings that changed as [index into before + this one, output].
     */
    processCitationCluster(
      citation: unknown,
      before: [string, number][],
      after: [string, number][],
    ): [unknown, [number, string][]]
  }
  export interface CslConfig {
    templates: { has(name: string): boolean; add(name: string, xml: string): void }
    engine(data: unknown[], template: string, lang: string, format: string): CitationEngine
  }
  export const plugins: { config: { get(name: '@csl'): CslConfig } }
}

declare module '@citation-js/plugin-csl'
