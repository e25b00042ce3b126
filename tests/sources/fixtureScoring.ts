/**
 * Shared helpers for the source fixtures in `../shared/fixtures/sources` (beside the clone in
 * CI): where they are, what they expect, and how an extraction scores against them.
 */

import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** The repository root (this file is tests/sources/fixtureScoring.ts). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
export const fixturesDir = path.resolve(repoRoot, '..', 'shared', 'fixtures', 'sources')

/** One expected quotation: a match is an extracted quote whose text contains `starts`. */
export interface ExpectedQuote {
  starts: string
  speaker: string | null
}

/** A fixture's `NAME.expected.json`. */
export interface Expected {
  title?: string
  byline?: string
  publisher?: string
  publishedAt?: string
  url?: string
  full: ExpectedQuote[]
  partial: ExpectedQuote[]
  not_quotes: string[]
  boilerplate_must_not_be_body: string[]
  questions_are_not_speaker_quotes?: string[]
}

export interface Fixture {
  name: string
  file: string
  expected: Expected
}

/** Every fixture document that has an expectations file. */
export function loadFixtures(): Fixture[] {
  const files = readdirSync(fixturesDir)
  return files
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => {
      const name = f.replace(/\.expected\.json$/, '')
      const file = files.find((d) => d.startsWith(`${name}.`) && !d.endsWith('.expected.json'))
      if (!file) throw new Error(`No document for fixture ${name} in ${fixturesDir}`)
      return {
        name,
        file: path.join(fixturesDir, file),
        expected: JSON.parse(readFileSync(path.join(fixturesDir, f), 'utf8')) as Expected,
      }
    })
}

/** Speaker names compared without case or a leading article ("A spokesperson" = "spokesperson"). */
export function sameSpeaker(a: string | null, b: string | null): boolean {
  const norm = (s: string | null) =>
    s
      ?.toLowerCase()
      .replace(/^(?:a|an|the)\s+/, '')
      .trim() ?? null
  return norm(a) === norm(b)
}

interface Offered {
  text: string
  speaker: string | null
}

/** How an extraction did against a fixture. */
export interface Score {
  fixture: string
  expected: number
  found: number
  speakerRight: number
  offered: number
  offeredExpected: number
  /** Expected quotes found, with the speaker the extraction gave. */
  matches: { expected: ExpectedQuote; offered: Offered | null }[]
}

export function score(fixture: string, expected: Expected, offered: readonly Offered[]): Score {
  const wanted = [...expected.full, ...expected.partial]
  const matches = wanted.map((e) => {
    const candidates = offered.filter((o) => o.text.includes(e.starts))
    const offeredMatch =
      candidates.find((o) => sameSpeaker(o.speaker, e.speaker)) ?? candidates[0] ?? null
    return { expected: e, offered: offeredMatch }
  })
  return {
    fixture,
    expected: wanted.length,
    found: matches.filter((m) => m.offered).length,
    speakerRight: matches.filter(
      (m) => m.offered && sameSpeaker(m.offered.speaker, m.expected.speaker),
    ).length,
    offered: offered.length,
    offeredExpected: offered.filter((o) => wanted.some((e) => o.text.includes(e.starts))).length,
    matches,
  }
}

const percent = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(0)}%`)

/** Precision, recall and speaker accuracy per fixture, as a table for the test log. */
export function scoreTable(
  scores: readonly Score[],
): Record<string, Record<string, string | number>> {
  const rows: Record<string, Record<string, string | number>> = {}
  for (const s of scores) {
    rows[s.fixture] = {
      offered: s.offered,
      expected: s.expected,
      precision: percent(s.offeredExpected, s.offered),
      recall: percent(s.found, s.expected),
      'speaker accuracy': percent(s.speakerRight, s.found),
    }
  }
  return rows
}
