/** The words of an export's outcome, kept apart from the markup so they can be tested. */

/** The warning for quotes the export prints marked UNVERIFIED. */
export function unverifiedQuotesWarning(count: number): string {
  return count === 1
    ? '1 quote could not be verified and is marked UNVERIFIED in the export'
    : `${count} quotes could not be verified and are marked UNVERIFIED in the export`
}
