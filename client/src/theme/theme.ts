/**
 * The colour scheme a person chose in settings: follow the system, or always light or dark.
 * The choice belongs to the browser (localStorage), like the system preference it overrides,
 * and is applied as `data-theme` on <html>, which styles/tokens.css turns into
 * `color-scheme`. It is applied before the app's first render, so no page is drawn in the
 * wrong scheme (only the empty page, for as long as the script takes to arrive).
 */

export type ThemeChoice = 'system' | 'light' | 'dark'

export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark']

/** The localStorage key; another tab's change to it arrives as a `storage` event. */
export const THEME_STORAGE_KEY = 'briefing.theme'

function isThemeChoice(value: unknown): value is ThemeChoice {
  return THEME_CHOICES.includes(value as ThemeChoice)
}

/** The stored choice; anything unreadable (no storage, a stray value) means "system". */
export function readThemeChoice(storage: Pick<Storage, 'getItem'> | null): ThemeChoice {
  try {
    const value = storage?.getItem(THEME_STORAGE_KEY)
    return isThemeChoice(value) ? value : 'system'
  } catch {
    // Storage can throw when the browser blocks it (privacy settings); the default is fine.
    return 'system'
  }
}

/** Shows `choice` on the page: an explicit scheme as `data-theme`, none to follow the system. */
export function applyThemeChoice(choice: ThemeChoice, root: HTMLElement): void {
  if (choice === 'system') root.removeAttribute('data-theme')
  else root.setAttribute('data-theme', choice)
}

/**
 * Remembers and applies `choice`. Returns false when it could not be stored: it then holds
 * for this page only, which the settings page says.
 */
export function saveThemeChoice(
  choice: ThemeChoice,
  storage: Pick<Storage, 'setItem' | 'removeItem'> | null,
  root: HTMLElement,
): boolean {
  applyThemeChoice(choice, root)
  try {
    if (!storage) return false
    if (choice === 'system') storage.removeItem(THEME_STORAGE_KEY)
    else storage.setItem(THEME_STORAGE_KEY, choice)
    return true
  } catch {
    return false
  }
}

/** The page's localStorage, or null where reading the property itself throws. */
export function pageStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

/**
 * Applies the stored choice now, and again whenever another tab changes it, so every open
 * tab shows the scheme chosen last.
 */
export function startTheme(): void {
  const root = document.documentElement
  applyThemeChoice(readThemeChoice(pageStorage()), root)
  window.addEventListener('storage', (event) => {
    if (event.key === THEME_STORAGE_KEY || event.key === null) {
      applyThemeChoice(readThemeChoice(pageStorage()), root)
    }
  })
}
