/**
 * The file name an export is saved under, from the briefing's title. Titles are free
 * text; a file name must not carry path separators, characters Windows refuses, control
 * characters or a leading dot, and should stay short enough for every file system.
 */

const MAX_STEM = 80
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u2028\u2029]+/g

/** `title` made safe as a file name, with `extension` (no dot); "briefing" when nothing is left. */
export function exportFilename(title: string, extension: string): string {
  const stem = title
    .normalize('NFC')
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+|[.\s]+$/g, '')
  const cut = [...stem].slice(0, MAX_STEM).join('').trim()
  return `${cut || 'briefing'}.${extension}`
}
