/** Keyboard shortcut labels in the platform's own notation. */

const isApple = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)

/** `shortcutLabel('Mod-Shift-z')` is "⌘⇧Z" on a Mac and "Ctrl+Shift+Z" elsewhere. */
export function shortcutLabel(keys: string): string {
  const parts = keys.split('-')
  const key = (parts.pop() ?? '').toUpperCase()
  if (isApple()) {
    const symbols: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥' }
    return parts.map((part) => symbols[part] ?? part).join('') + key
  }
  return [...parts.map((part) => (part === 'Mod' ? 'Ctrl' : part)), key].join('+')
}

/** Whether a keydown is the platform's command modifier plus `key`. */
export function isModKey(event: { metaKey: boolean; ctrlKey: boolean; key: string }, key: string) {
  return (isApple() ? event.metaKey : event.ctrlKey) && event.key.toLowerCase() === key
}
