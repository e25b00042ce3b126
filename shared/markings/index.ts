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
