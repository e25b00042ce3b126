/**
 * `npm run eval:sources -- DIR... [--json] [--details] [--no-body] [--body-dir DIR]`: scores the
 * importer on corpora of documents with hand-written truth (every NAME.* beside a
 * NAME.expected.json) and prints per-document and micro-averaged quote recall, speaker
 * accuracy, partial quotes, not-quotes offered, boilerplate leaks and metadata. It also scores
 * body extraction on the Scrapinghub article-extraction benchmark, the product beside
 * Readability.js in the same run (`../shared/benchmarks/article-extraction` by default,
 * `--body-dir` for another, `--no-body` to skip). `--json` prints one JSON object for machines.
 */

import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { scoreBodyBenchmark } from '../server/eval/bodyBenchmark'
import { bodyBenchmarkReport } from '../server/eval/bodyReport'
import { evaluateCorpus } from '../server/eval/evaluateCorpus'
import { corpusReport } from '../server/eval/report'

const USAGE =
  'usage: npm run eval:sources -- DIR... [--json] [--details] [--no-body] [--body-dir DIR]\n'

const args = process.argv.slice(2)
const json = args.includes('--json')
const details = args.includes('--details')
const noBody = args.includes('--no-body')
const bodyDirAt = args.indexOf('--body-dir')
const bodyDirArg = bodyDirAt >= 0 ? args[bodyDirAt + 1] : undefined
if (bodyDirAt >= 0 && (!bodyDirArg || bodyDirArg.startsWith('--'))) {
  process.stderr.write(USAGE)
  process.exit(2)
}
const dirs = args.filter((a, i) => !a.startsWith('--') && !(bodyDirAt >= 0 && i === bodyDirAt + 1))
if (dirs.length === 0 && noBody) {
  process.stderr.write(USAGE)
  process.exit(2)
}
// Libraries that log (pdf.js) must not mix into the report.
console.log = (...parts: unknown[]) => process.stderr.write(`${parts.join(' ')}\n`)

const cwd = process.env.INIT_CWD ?? process.cwd()
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bodyDir = bodyDirArg
  ? path.resolve(cwd, bodyDirArg)
  : path.resolve(repoRoot, '..', 'shared', 'benchmarks', 'article-extraction')

const results = []
for (const dir of dirs) results.push(await evaluateCorpus(path.resolve(cwd, dir)))
const body = noBody ? null : await scoreBodyBenchmark(bodyDir)
if (json) {
  process.stdout.write(`${JSON.stringify({ corpora: results, body }, null, 2)}\n`)
} else {
  const parts = results.map((r) => corpusReport(r, details))
  if (body) parts.push(bodyBenchmarkReport(bodyDir, body, details))
  process.stdout.write(`${parts.join('\n\n')}\n`)
}
