/** Source import: pasted text, files and URLs into documents with their quotations. */
export {
  SourceFetchError,
  type SourceFetchErrorCode,
  SourceImportError,
  type SourceImportErrorCode,
} from './errors'
export {
  ALLOW_LOOPBACK_ENV,
  FETCHABLE_CONTENT_TYPES,
  type FetchedResource,
  type FetchUrlOptions,
  fetchUrl,
  loopbackAllowedBy,
} from './fetchUrl'
export {
  type ImportInput,
  type ImportOptions,
  type ImportResult,
  importSource,
} from './importSource'
