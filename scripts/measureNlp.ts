/**
 * `npx tsx scripts/measureNlp.ts`: the measurement behind the choice of NLP library (README,
 * "Quote attribution"). On the bodies of the development corpus it times wink-nlp (with
 * wink-eng-lite-web-model, sentence breaking and tagging only) and compromise, and checks how
 * many of the speakers the truth names each library recognises where the body names them: as
 * a proper noun (wink) or as a person or proper noun (compromise).
 */

import path from 'node:path'
import nlp from 'compromise'
import model from 'wink-eng-lite-web-model'
import winkNLP from 'wink-nlp'
import { extractFile } from '../server/eval/extractFile'
import { loadCorpus } from '../server/eval/sourceCorpus'
import { foldForTagger } from '../shared/quotes/extract/text/fold'

const dirs = process.argv.slice(2)
const corpora =
  dirs.length > 0 ? dirs : [path.resolve('..', 'shared', 'fixtures', 'sources', 'dev')]
const wink = winkNLP(model, ['sbd', 'pos'])

interface Tally {
  ms: number
  words: number
  found: number
}
const tallies: Record<string, Tally> = {
  'wink-nlp': { ms: 0, words: 0, found: 0 },
  'wink-nlp on folded text': { ms: 0, words: 0, found: 0 },
  compromise: { ms: 0, words: 0, found: 0 },
}
let names = 0

/** The surnames of the truth's speakers that the body itself contains. */
function speakerWords(truth: { full: { speaker: string | null }[] }, body: string): string[] {
  const words = new Set<string>()
  for (const q of truth.full) {
    const last = q.speaker?.split(/\s+/).at(-1)
    if (last && /^\p{Lu}/u.test(last) && body.includes(last)) words.add(last)
  }
  return [...words]
}

function winkProperNouns(text: string): Set<string> {
  const doc = wink.readDoc(text)
  const words = doc.tokens().out() as string[]
  const tags = doc.tokens().out(wink.its.pos) as string[]
  return new Set(words.filter((_, i) => tags[i] === 'PROPN'))
}

for (const dir of corpora) {
  for (const document of loadCorpus(dir)) {
    const body = (await extractFile(document.file)).body
    const wanted = speakerWords(document.truth, body)
    names += wanted.length
    const words = body.split(/\s+/).length
    const runs: [string, () => Set<string>][] = [
      ['wink-nlp', () => winkProperNouns(body)],
      ['wink-nlp on folded text', () => winkProperNouns(foldForTagger(body))],
      [
        'compromise',
        () => {
          const doc = nlp(body)
          const terms = doc.match('(#Person|#ProperNoun)').terms().out('array') as string[]
          return new Set(terms.map((t) => t.replace(/[^\p{L}'’-]/gu, '')))
        },
      ],
    ]
    for (const [name, run] of runs) {
      const tally = tallies[name] as Tally
      const started = performance.now()
      const recognised = run()
      tally.ms += performance.now() - started
      tally.words += words
      const folded = new Set([...recognised].map((w) => foldForTagger(w)))
      tally.found += wanted.filter((w) => recognised.has(w) || folded.has(foldForTagger(w))).length
    }
  }
}

console.log(`Speaker surnames named in the bodies: ${names}`)
for (const [name, t] of Object.entries(tallies)) {
  const per10k = (t.ms * 10_000) / t.words
  console.log(
    `${name.padEnd(24)} ${per10k.toFixed(1).padStart(7)} ms per 10,000 words   speakers recognised ${t.found}/${names}`,
  )
}
