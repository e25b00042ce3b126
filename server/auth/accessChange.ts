/**
 * What changed about who may open what: the news LiveAccess acts on, on this instance and,
 * through the fan-out's control channel, on every other. It only says what to re-check;
 * whoever applies it re-reads the current access from the store.
 */
export type AccessChange =
  | { kind: 'briefing'; id: string }
  | { kind: 'team'; id: string }
  /** A sign-in ended; `key` is its credentialKey (see credential.ts). */
  | { kind: 'credential'; key: string }
