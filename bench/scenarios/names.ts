/** The scenarios of `npm run bench`, as named in results files and `--only`. */
export const SCENARIOS = [
  'syncLatency',
  'hotDocumentCeiling',
  'idleConnections',
  'coldLoad',
  'durabilityCost',
  'export',
  'quoteExtraction',
  'hostileImport',
  'importUnderLoad',
  'pageWeight',
  'versions',
  'searchLatency',
] as const

export type ScenarioName = (typeof SCENARIOS)[number]
