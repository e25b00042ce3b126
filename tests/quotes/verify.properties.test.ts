/**
 * Property tests for quote verification: quotes cut from random sources verify, legitimate
 * editorial changes verify, and any change of wording is flagged. Seeded: fast-check prints
 * the seed and path of a failure; run with FC_SEED=<seed> to replay, and keep failures as
 * explicit cases in the "regressions" block of verify.test.ts.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkQuoteEdit } from '../../shared/quotes/edit'
import { normalizedString } from '../../shared/quotes/normalize'
import { selectorsForRange } from '../../shared/quotes/selectors'
import { verifyQuote } from '../../shared/quotes/verify'
import { sourceBody } from '../../shared/sources/body'
import type { Source } from '../../shared/sources/types'
import { makeSource } from './fixtures'

const SEED = Number(process.env.FC_SEED ?? 740_215)
const RUNS = Number(process.env.FC_RUNS ?? 400)
const params = { seed: SEED, numRuns: RUNS }

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éü'.split('')
const letters = (max: number) =>
  fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: max })

// Words as real text has them: bare, with trailing punctuation, wrapped in straight or
// curly quotes, with an apostrophe inside, or a free-standing dash.
const word = fc.oneof(
  { weight: 6, arbitrary: letters(8) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(letters(8), fc.constantFrom(',', '.', ';', ':', '?', '!'))
      .map(([w, p]) => w + p),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('"', '“', '‘', "'"), letters(6)).map(([q, w]) => q + w),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(letters(6), fc.constantFrom('"', '”', '’', "'")).map(([w, q]) => w + q),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(letters(4), fc.constantFrom("'", '’'), letters(2))
      .map(([a, q, b]) => a + q + b),
  },
  { weight: 1, arbitrary: fc.constantFrom('-', '—', '–') },
)
const separator = fc.constantFrom(' ', ' ', ' ', ' ', '\u00A0')

interface Cut {
  source: Source
  /** The quote's words, in order, and the separators between them. */
  words: string[]
  separators: string[]
  start: number
  end: number
}

const paragraph = fc
  .array(fc.tuple(word, separator), { minLength: 1, maxLength: 25 })
  .map((pairs) => pairs.map(([w, s], i) => (i === pairs.length - 1 ? w : w + s)).join(''))

/** A random source and a quote cut from it at word boundaries. */
const cut = (minWords: number) =>
  fc
    .tuple(fc.array(paragraph, { minLength: 1, maxLength: 4 }), fc.nat(), fc.nat())
    .map(([paragraphs, a, b]): Cut | null => {
      const body = sourceBody(paragraphs)
      const spans = [...body.matchAll(/\S+/gu)]
        .flatMap((m) => splitOnNbsp(m[0], m.index))
        .filter((s) => s.text !== '')
      if (spans.length < minWords) return null
      const first = a % (spans.length - minWords + 1)
      const last = first + minWords - 1 + (b % (spans.length - first - minWords + 1))
      const chosen = spans.slice(first, last + 1)
      const start = chosen[0]!.at
      const end = chosen.at(-1)!.at + chosen.at(-1)!.text.length
      const separators = chosen
        .slice(1)
        .map((s, i) => body.slice(chosen[i]!.at + chosen[i]!.text.length, s.at))
      return {
        source: makeSource(paragraphs),
        words: chosen.map((s) => s.text),
        separators,
        start,
        end,
      }
    })
    .filter((c): c is Cut => c !== null)

function splitOnNbsp(text: string, at: number): { text: string; at: number }[] {
  const parts: { text: string; at: number }[] = []
  let offset = at
  for (const piece of text.split('\u00A0')) {
    parts.push({ text: piece, at: offset })
    offset += piece.length + 1
  }
  return parts
}

function join(words: string[], separators: string[]): string {
  return words.map((w, i) => (i === 0 ? w : separators[i - 1] + w)).join('')
}

function verifyCut(c: Cut, text: string) {
  const { selector, position } = selectorsForRange(c.source.paragraphs, c.start, c.end)
  return verifyQuote(c.source, { text, selector, position })
}

const original = (c: Cut) => join(c.words, c.separators)

describe('verification properties (seed printed by fast-check on failure)', () => {
  it('[QV-P1] a quote cut from a source at word boundaries verifies, anchored where it was cut', () => {
    fc.assert(
      fc.property(cut(1), (c) => {
        const result = verifyCut(c, original(c))
        expect(result).toEqual({
          status: 'verified',
          anchor: expect.objectContaining({ start: c.start, end: c.end }),
        })
      }),
      params,
    )
  })

  it('[QV-P2] whitespace and typographic variants of a faithful quote verify', () => {
    const variantOf = (char: string, pick: number): string => {
      const classes = ['"“”„', "'‘’ʼ", '-–—‒', ' \u00A0\u202F\u2009']
      const cls = classes.find((c) => c.includes(char))
      if (char === ' ' && pick % 5 === 4) return ' \n '
      return cls ? cls[pick % cls.length]! : char
    }
    fc.assert(
      fc.property(cut(1), fc.array(fc.nat(), { minLength: 1 }), (c, picks) => {
        const text = [...original(c)]
          .map((ch, i) => variantOf(ch, picks[i % picks.length]! + i))
          .join('')
        expect(verifyCut(c, text).status).toBe('verified')
      }),
      params,
    )
  })

  it('[QV-P3] any single character changed to a different letter or digit is altered', () => {
    fc.assert(
      fc.property(cut(1), fc.nat(), fc.constantFrom(...LETTERS), (c, at, replacement) => {
        const text = original(c)
        const i = at % text.length
        fc.pre(text[i] !== replacement)
        const changed = text.slice(0, i) + replacement + text.slice(i + 1)
        expect(verifyCut(c, changed).status).toBe('altered')
        expect(checkQuoteEdit(text, changed).ok).toBe(false)
      }),
      params,
    )
  })

  it('[QV-P4] swapping two adjacent words is altered', () => {
    fc.assert(
      fc.property(cut(2), fc.nat(), (c, at) => {
        const i = at % (c.words.length - 1)
        const words = [...c.words]
        ;[words[i], words[i + 1]] = [words[i + 1]!, words[i]!]
        const swapped = join(words, c.separators)
        fc.pre(normalizedString(swapped) !== normalizedString(original(c)))
        expect(verifyCut(c, swapped).status).toBe('altered')
        expect(checkQuoteEdit(original(c), swapped).ok).toBe(false)
      }),
      params,
    )
  })

  it('[QV-P5] inserting a word outside brackets is altered', () => {
    fc.assert(
      fc.property(cut(1), fc.nat(), letters(8), (c, at, extra) => {
        const i = at % (c.words.length + 1)
        const words = [...c.words.slice(0, i), extra, ...c.words.slice(i)]
        const separators = [...c.separators.slice(0, i), ' ', ...c.separators.slice(i)].slice(
          0,
          words.length - 1,
        )
        while (separators.length < words.length - 1) separators.push(' ')
        const inserted = join(words, separators)
        expect(verifyCut(c, inserted).status).toBe('altered')
        expect(checkQuoteEdit(original(c), inserted).ok).toBe(false)
      }),
      params,
    )
  })

  it('[QV-P6] removing a middle run of words behind an ellipsis verifies', () => {
    fc.assert(
      fc.property(
        cut(3),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(' … ', ' ... ', ' […] ', '… '),
        (c, a, b, mark) => {
          const from = 1 + (a % (c.words.length - 2))
          const to = from + 1 + (b % (c.words.length - 1 - from))
          const elided =
            join(c.words.slice(0, from), c.separators.slice(0, from - 1)) +
            mark +
            join(c.words.slice(to), c.separators.slice(to))
          expect(verifyCut(c, elided)).toMatchObject({ status: 'verified' })
          expect(checkQuoteEdit(original(c), elided)).toEqual({ ok: true })
        },
      ),
      params,
    )
  })

  it('[QV-P7] replacing a word with, or inserting, a bracketed clarification verifies', () => {
    fc.assert(
      fc.property(cut(1), fc.nat(), fc.boolean(), letters(10), (c, at, replace, clarification) => {
        const words = [...c.words]
        const separators = [...c.separators]
        if (replace) {
          words[at % words.length] = `[${clarification}]`
        } else {
          const i = at % (words.length + 1)
          words.splice(i, 0, `[${clarification}]`)
          separators.splice(Math.min(i, separators.length), 0, ' ')
        }
        const clarified = join(words, separators)
        fc.pre(/[^\s[\]]/.test(clarified.replace(/\[[^\]]*\]/g, '')))
        expect(verifyCut(c, clarified)).toMatchObject({ status: 'verified' })
        expect(checkQuoteEdit(original(c), clarified)).toEqual({ ok: true })
      }),
      params,
    )
  })
  it('[QV-P8] a quote that starts or ends part-way through a word is altered', () => {
    const wordChar = /[\p{L}\p{N}]/u
    fc.assert(
      fc.property(cut(1), fc.nat(), fc.boolean(), (c, at, atStart) => {
        const text = original(c)
        const edge = atStart ? c.words[0]! : c.words.at(-1)!
        fc.pre(edge.length >= 2)
        const k = 1 + (at % (edge.length - 1))
        // Only a cut between two letters is inside a word.
        const [before, after] = atStart
          ? [edge[k - 1], edge[k]]
          : [edge[edge.length - k - 1], edge[edge.length - k]]
        fc.pre(wordChar.test(before!) && wordChar.test(after!))
        const cutText = atStart ? text.slice(k) : text.slice(0, text.length - k)
        const elided = atStart ? `… ${cutText}` : `${cutText} …`
        expect(verifyCut(c, cutText).status).toBe('altered')
        expect(verifyCut(c, elided).status).toBe('altered')
        expect(checkQuoteEdit(text, cutText).ok).toBe(false)
      }),
      params,
    )
  })
})
