export {
  attributionEvidence,
  CONFIDENT_SPEAKER,
  CONFIRMED_SPEAKER,
  type PassageAttribution,
  passageAttribution,
  probableSpeaker,
  sameName,
  speakerConfirmed,
} from './attribution'
export { paragraphAtOffset, sourceBody } from './body'
export { computeContentHash, verifySourceIntegrity } from './hash'
export {
  addSource,
  getSource,
  listSources,
  removeSource,
  SourceExistsError,
  type SourceMetadataChanges,
  sourcesMap,
  updateSourceMetadata,
} from './sourcesMap'
export * from './types'
export { assertSource, createSource, isSource, type NewSourceInfo } from './validate'
