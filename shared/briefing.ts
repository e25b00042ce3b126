/** The briefing record as the REST API returns it. */
export interface Briefing {
  id: string
  title: string
  createdAt: string
  updatedAt: string
}

/** Longest title accepted; longer ones are a 400, not a silent truncation. */
export const MAX_TITLE_LENGTH = 200
