/** "5 minutes ago"-style times for the briefing list. */

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** Describes `iso` relative to `now`; older than a week shows the date. */
export function relativeTime(iso: string, now: Date, locale?: string): string {
  const then = new Date(iso)
  const elapsed = now.getTime() - then.getTime()
  if (Number.isNaN(elapsed)) return ''
  // Clocks differ between server and browser; a time slightly in the future is "just now".
  if (elapsed < MINUTE) return 'just now'
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  if (elapsed < HOUR) return rtf.format(-Math.floor(elapsed / MINUTE), 'minute')
  if (elapsed < DAY) return rtf.format(-Math.floor(elapsed / HOUR), 'hour')
  if (elapsed < 7 * DAY) return rtf.format(-Math.floor(elapsed / DAY), 'day')
  const sameYear = then.getFullYear() === now.getFullYear()
  return then.toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  })
}
