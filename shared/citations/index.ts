export { type CitationNumbering, numberCitations } from './numbering'
export {
  CITATION_NUMBER_ATTRIBUTE,
  CitationNumbers,
  citationNumberingKey,
  citationNumbers,
} from './plugin'
export { citedSources, type SourcesListEntry } from './sourcesList'
export { type Citation, citedSourceId, type DocumentInput, forEachCitation } from './walk'
