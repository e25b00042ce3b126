/**
 * Saving a fetched file: an object URL for the blob and a click on a temporary
 * `<a download>`. Navigating an anchor to a blob: URL is not governed by the page's CSP
 * (connect-src covers fetch, not downloads), so this works under the server's strict policy.
 */

// Some browsers read the blob after the click returns; revoking at once can cancel the
// download. FileSaver.js waits 40 s for the same reason.
const REVOKE_AFTER_MS = 40_000

/** Starts the browser's download of `blob` as `filename`. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.rel = 'noopener'
  link.hidden = true
  // Firefox only follows a click on an anchor that is in the document.
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
  }
}
