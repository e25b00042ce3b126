/**
 * Transaction origins on a room's Y.Doc. Typed, so persistence and broadcast know where an
 * edit came from: a client's edit goes to every other client; a peer instance's edit is
 * already stored; a load from the store goes nowhere.
 */
export type UpdateOrigin =
  | { source: 'client'; connectionId: string }
  | { source: 'peer' }
  | { source: 'server'; reason: string }
  | { source: 'load' }

export function isUpdateOrigin(value: unknown): value is UpdateOrigin {
  return typeof value === 'object' && value !== null && 'source' in value
}
