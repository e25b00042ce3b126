/**
 * [SPEC1] docs/SPEC.md defines every rule ID a test cites, each exactly once, so an ID names
 * one rule wherever it appears.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const ROOT = path.resolve(import.meta.dirname, '..')
/** A rule ID as tests cite it: a family prefix and a number, maybe refined by a letter. */
const CITED = /\[([A-Z]+[0-9]+[a-z]?)\]/g
/** A rule ID as SPEC.md defines it: at the start of a list item, in bold. */
const DEFINED = /^- \*\*\[([A-Z]+[0-9]+[a-z]?)\]\*\* \S/gm

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(full)
    return /\.tsx?$/.test(entry.name) ? [full] : []
  })
}

/** Every ID cited in the tests, with the files citing it. */
function citedIds(): Map<string, Set<string>> {
  const cited = new Map<string, Set<string>>()
  for (const file of testFiles(path.join(ROOT, 'tests'))) {
    for (const [, id] of fs.readFileSync(file, 'utf8').matchAll(CITED)) {
      if (!cited.has(id!)) cited.set(id!, new Set())
      cited.get(id!)!.add(path.relative(ROOT, file))
    }
  }
  return cited
}

describe('the spec', () => {
  it('[SPEC1] defines every rule ID the tests cite exactly once', () => {
    const spec = fs.readFileSync(path.join(ROOT, 'docs', 'SPEC.md'), 'utf8')
    const definitions = new Map<string, number>()
    for (const [, id] of spec.matchAll(DEFINED)) {
      definitions.set(id!, (definitions.get(id!) ?? 0) + 1)
    }
    const cited = citedIds()
    expect(cited.size).toBeGreaterThan(300) // the scan found the tests
    const missing = [...cited.keys()].filter((id) => !definitions.has(id))
    const repeated = [...definitions].filter(([, count]) => count > 1).map(([id]) => id)
    expect(missing, 'cited in tests but not defined in docs/SPEC.md').toEqual([])
    expect(repeated, 'defined more than once in docs/SPEC.md').toEqual([])
  })

  it('[SPEC2] one ID is cited by one test file only, so it cannot name two different rules', () => {
    const shared = [...citedIds()]
      .filter(([, files]) => files.size > 1)
      .map(([id, files]) => `${id}: ${[...files].join(', ')}`)
    expect(shared).toEqual([])
  })
})
