/**
 * `npm run eval:sources -- DIR... [--json] [--details]`: scores the importer on corpora of
 * documents with hand-written truth (every NAME.* beside a NAME.expected.json) and prints
 * per-document and micro-averaged quote recall, speaker accuracy, partial quotes, not-quotes
 * offered, boilerplate leaks and metadata. `--json` prints one JSON object for machines.
 */

import path from 'node:path'
import { evaluateCorpus } from '../server/eval/evaluateCorpus'
import { corpusReport } from '../server/eval/report'

const args = process.argv.slice(2)
const json = args.includes('--json')
const details = args.includes('--details')
const dirs = args.filter((a) => !a.startsWith('--'))
if (dirs.length === 0) {
  process.stderr.write('usage: npm run eval:sources -- DIR... [--json] [--details]\n')
  process.exit(2)
}
// Libraries that log (pdf.js) must not mix into the report.
console.log = (...parts: unknown[]) => process.stderr.write(`${parts.join(' ')}\n`)

const cwd = process.env.INIT_CWD ?? process.cwd()
const results = []
for (const dir of dirs) results.push(await evaluateCorpus(path.resolve(cwd, dir)))
if (json) process.stdout.write(`${JSON.stringify({ corpora: results }, null, 2)}\n`)
else process.stdout.write(`${results.map((r) => corpusReport(r, details)).join('\n\n')}\n`)
