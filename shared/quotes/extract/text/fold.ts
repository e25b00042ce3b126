/**
 * Letters the tagger does not know, folded to ones it does, one code unit for one, so token
 * offsets into the folded text are offsets into the original. wink's English tokenizer splits
 * words at letters outside Latin-1 ("Erdoğan" becomes "Erdo ğ an", "Māori" "M ā ori"), which
 * breaks names apart; their base letters keep the word whole and read the same to it.
 */

const SPECIAL: Readonly<Record<string, string>> = {
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 't',
  Þ: 'T',
  ı: 'i',
  æ: 'a',
  Æ: 'A',
  œ: 'o',
  Œ: 'O',
  ß: 's',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ŀ: 'l',
  Ŀ: 'L',
  ĸ: 'k',
  ŉ: 'n',
  ſ: 's',
  ʻ: "'",
  ʼ: "'",
}

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0)
  if (code < 0x80) return ch
  const special = SPECIAL[ch]
  if (special) return special
  if (code < 0x250 || (code >= 0x1e00 && code < 0x1f00)) {
    const base = ch.normalize('NFD')[0] ?? ch
    if (base.charCodeAt(0) < 0x80 && /\p{L}/u.test(base)) return base
  }
  return ch
}

/** `text` with every Latin letter outside ASCII replaced by its base letter; same length. */
export function foldForTagger(text: string): string {
  let out = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80) continue
    out += text.slice(from, i) + foldChar(text[i] as string)
    from = i + 1
  }
  return from === 0 ? text : out + text.slice(from)
}
