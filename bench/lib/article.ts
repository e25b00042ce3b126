/**
 * A deterministic news article of a given length with quotations in the usual forms
 * ("…," said X; X said: "…"; partial quotes; quotes continuing the previous speaker), for
 * timing quote extraction.
 */
import { Prng } from './prng'

const PEOPLE = [
  ['Anna Berg', 'the foreign minister'],
  ['Port Director Ana Lima', null],
  ['Tomas Weber', 'a spokesman for the coast guard'],
  ['Dr. Mei Chen', 'an economist at the central bank'],
  ['Olga Petrova', 'the mayor'],
] as const
const WORDS = [
  'the',
  'harbor',
  'closed',
  'after',
  'a',
  'storm',
  'officials',
  'said',
  'on',
  'Tuesday',
  'damage',
  'to',
  'northern',
  'breakwater',
  'was',
  'limited',
  'insurers',
  'expect',
  'claims',
  'shipping',
  'companies',
  'rerouted',
  'cargo',
  'while',
  'repairs',
  'continue',
  'this',
  'week',
]

export function article(words: number, seed = 5): string[] {
  const prng = new Prng(seed)
  const clause = (n: number) => Array.from({ length: n }, () => prng.pick(WORDS)).join(' ')
  const sentence = (n: number) => {
    const text = clause(n)
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
  }
  const paragraphs: string[] = []
  let count = 0
  while (count < words) {
    const [name, role] = prng.pick(PEOPLE)
    const who = role ? `${name}, ${role},` : name
    const quote = sentence(8 + prng.int(10)).slice(0, -1)
    const form = prng.int(6)
    let text: string
    if (form === 0) text = `“${quote},” said ${who.replace(/,$/, '')}. ${sentence(14)}`
    else if (form === 1) text = `${who} said: “${quote}.” ${sentence(12)}`
    else if (form === 2)
      text = `${sentence(10)} ${name} described the plan as “${clause(4)}” and ${clause(8)}.`
    else if (form === 3) text = `“${quote}.” ${sentence(9)} “${sentence(7)}” ${name} added.`
    else text = `${sentence(16)} ${sentence(12)} ${sentence(9)}`
    paragraphs.push(text)
    count += text.split(/\s+/).length
  }
  return paragraphs
}
