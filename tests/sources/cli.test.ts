/**
 * The `briefing extract` command run as a real child process through npm, as automated checks
 * run it: one JSON object on stdout for each fixture, and for bad input a nonzero exit with a
 * single line on stderr.
 */

import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, it } from 'vitest'
import { loadFixtures, repoRoot } from './fixtureScoring'

interface Run {
  code: number
  stdout: string
  stderr: string
}

function briefing(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npm',
      ['run', '--silent', 'briefing', '--', ...args],
      { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

const QUOTE_KEYS = [
  'text',
  'speaker',
  'speakerRole',
  'kind',
  'start',
  'end',
  'paragraph',
  'attribution',
]
const OUTPUT_KEYS = [
  'title',
  'byline',
  'publisher',
  'publishedAt',
  'url',
  'body',
  'quotes',
  'terms',
  'people',
]

let scratch: string

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'briefing-cli-'))
})

afterAll(() => rm(scratch, { recursive: true, force: true }))

// Each run starts its own tsx process; running them side by side keeps the suite quick.
describe.concurrent('briefing extract', () => {
  for (const { name, file, expected } of loadFixtures()) {
    it(`prints one JSON object for ${name}`, async ({ expect }) => {
      const run = await briefing('extract', file)
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      const output = JSON.parse(run.stdout)
      expect(Object.keys(output)).toEqual(OUTPUT_KEYS)
      expect(typeof output.body).toBe('string')
      if (expected.title) expect(output.title).toBe(expected.title)
      if (output.publishedAt !== null) expect(output.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}/)
      expect(output.quotes.length).toBeGreaterThan(0)
      for (const quote of output.quotes) {
        expect(Object.keys(quote)).toEqual(QUOTE_KEYS)
        expect(output.body.slice(quote.start, quote.end)).toBe(quote.text)
        expect(['full', 'partial']).toContain(quote.kind)
        expect(quote.speaker === null || typeof quote.speaker === 'string').toBe(true)
        expect(quote.paragraph).toBe(output.body.slice(0, quote.start).split('\n\n').length)
      }
    })
  }

  it('prints one JSON object per line for several files, each naming its file', async ({
    expect,
  }) => {
    const files = loadFixtures().map((f) => f.file)
    const missing = path.join(scratch, 'missing.txt')
    const run = await briefing('extract', ...files, missing)
    expect(run.code).toBe(1)
    const lines = run.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(lines.map((l) => l.file)).toEqual([...files, missing])
    for (const line of lines.slice(0, -1)) {
      expect(Object.keys(line)).toEqual(['file', ...OUTPUT_KEYS])
      for (const quote of line.quotes)
        expect(line.body.slice(quote.start, quote.end)).toBe(quote.text)
    }
    expect(lines.at(-1)).toEqual({ file: missing, error: expect.stringMatching(/no such file/) })
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
  })

  it('fails with one stderr line for a missing file', async ({ expect }) => {
    const run = await briefing('extract', path.join(scratch, 'no-such-file.txt'))
    expect(run.code).not.toBe(0)
    expect(run.stdout).toBe('')
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/no-such-file\.txt: no such file/)
  })

  it.for(['garbage.bin', 'garbage.txt', 'garbage.pdf', 'garbage.docx', 'garbage'])(
    'fails with one stderr line for binary garbage named %s',
    async (name, { expect }) => {
      const file = path.join(scratch, name)
      await writeFile(
        file,
        Uint8Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24),
      )
      const run = await briefing('extract', file)
      expect(run.code).not.toBe(0)
      expect(run.stdout).toBe('')
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(run.stderr).not.toMatch(/\bat .*\.ts:\d+/)
    },
  )

  it('refuses a call without a file, as a usage error', async ({ expect }) => {
    const run = await briefing('extract')
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
  })
})
