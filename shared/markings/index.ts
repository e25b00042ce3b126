export {
  BRIEFING_SCHEMES,
  type MarkingSetup,
  readMarkingScheme,
  writeMarkingScheme,
} from './briefingScheme'
export { bannerOf, type Portion, type PortionNode, portionsOf, readPortion } from './portion'
export {
  MARKED_BLOCKS,
  MARKING_ATTR,
  MAX_PORTION_LENGTH,
  PORTION_DEFAULT_KEY,
  SCHEME_KEY,
  validatePortionShape,
} from './portionShape'
export { covers, lowest, type RollUp, rollUp } from './rollUp'
export { CLASSIFICATION, CLASSIFICATION_CONTROLS, TLP, teamScheme } from './schemes'
export {
  formatBanner,
  formatPortion,
  MarkingError,
  markingKey,
  normalise,
  parseMarking,
  releaseOrder,
} from './text'
export type { Marking, MarkingLevel, MarkingScheme } from './types'
