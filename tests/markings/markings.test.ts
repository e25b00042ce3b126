/**
 * [MK] Handling markings (shared/markings): the three schemes, markings read and printed, and
 * the roll-up rules as properties: the highest level wins, restrictive controls are united,
 * release lists are intersected, order never matters, and a roll-up that would release to
 * nobody is an error.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  CLASSIFICATION,
  covers,
  formatBanner,
  formatPortion,
  type Marking,
  type MarkingScheme,
  markingKey,
  normalise,
  parseMarking,
  rollUp,
  TLP,
  teamScheme,
} from '../../shared/markings'

const COMPANY = teamScheme(['Public', 'Internal', 'Confidential'])
const COUNTRIES = ['USA', 'GBR', 'CAN', 'AUS', 'NZL', 'FVEY', 'NATO']

function markingOf(scheme: MarkingScheme): fc.Arbitrary<Marking> {
  return fc
    .record({
      level: fc.constantFrom(...scheme.levels.map((l) => l.id)),
      controls: fc.subarray([...scheme.controls]),
      releasableTo: scheme.releaseLists
        ? fc.option(fc.subarray(COUNTRIES, { minLength: 1 }), { nil: null })
        : fc.constant(null),
    })
    .map((m) => normalise(scheme, m))
}

const schemes = fc.constantFrom(TLP, CLASSIFICATION, COMPANY)

describe('markings', () => {
  it('[MK1] a marking printed as a portion mark, a banner or a stored key reads back the same', () => {
    fc.assert(
      fc.property(
        schemes.chain((scheme) => fc.tuple(fc.constant(scheme), markingOf(scheme))),
        ([scheme, marking]) => {
          expect(parseMarking(scheme, formatPortion(scheme, marking))).toEqual(marking)
          expect(parseMarking(scheme, formatBanner(scheme, marking))).toEqual(marking)
          expect(parseMarking(scheme, markingKey(scheme, marking).toLowerCase())).toEqual(marking)
        },
      ),
    )
    const secret = parseMarking(CLASSIFICATION, '(s//noforn/orcon)')
    expect(formatPortion(CLASSIFICATION, secret)).toBe('(S//NOFORN/ORCON)')
    expect(formatBanner(CLASSIFICATION, secret)).toBe('SECRET//NOFORN/ORCON')
    const rel = parseMarking(CLASSIFICATION, 'SECRET//REL TO GBR, USA, AUS')
    expect(formatBanner(CLASSIFICATION, rel)).toBe('SECRET//REL TO USA, AUS, GBR')
    expect(formatPortion(TLP, parseMarking(TLP, 'tlp:amber+strict'))).toBe('(TLP:AMBER+STRICT)')
    expect(formatBanner(COMPANY, parseMarking(COMPANY, 'internal'))).toBe('INTERNAL')
  })

  it('[MK2] a roll-up takes the highest level, unites controls, intersects release lists, in any order', () => {
    fc.assert(
      fc.property(
        schemes.chain((scheme) =>
          fc.tuple(fc.constant(scheme), fc.array(markingOf(scheme), { maxLength: 8 })),
        ),
        fc.nat(),
        ([scheme, portions], seed) => {
          const result = rollUp(scheme, portions)
          // Any order of the same portions gives the same answer.
          const shuffled = [...portions]
          let state = seed
          for (let i = shuffled.length - 1; i > 0; i--) {
            state = (state * 1103515245 + 12345) % 2 ** 31
            const j = state % (i + 1)
            ;[shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!]
          }
          expect(rollUp(scheme, shuffled)).toEqual(result)
          const ranks = portions.map((p) => scheme.levels.findIndex((l) => l.id === p.level))
          const lists = portions.flatMap((p) => (p.releasableTo ? [p.releasableTo] : []))
          const common = COUNTRIES.filter((c) => lists.every((list) => list.includes(c)))
          const noforn = portions.some((p) => p.controls.includes('NOFORN'))
          if (lists.length > 0 && !noforn && common.length === 0) {
            expect(result.ok).toBe(false)
            return
          }
          expect(result.ok).toBe(true)
          if (!result.ok) return
          const { marking } = result
          expect(scheme.levels.findIndex((l) => l.id === marking.level)).toBe(Math.max(0, ...ranks))
          expect(new Set(marking.controls)).toEqual(new Set(portions.flatMap((p) => p.controls)))
          expect(marking.releasableTo === null ? null : new Set(marking.releasableTo)).toEqual(
            noforn || lists.length === 0 ? null : new Set(common),
          )
          // The banner covers every portion, and rolling it up again changes nothing.
          for (const portion of portions) expect(covers(scheme, marking, portion)).toBe(true)
          expect(rollUp(scheme, [...portions, marking])).toEqual(result)
        },
      ),
    )
    expect(rollUp(TLP, [])).toEqual({ ok: true, marking: parseMarking(TLP, 'TLP:CLEAR') })
  })

  it('[MK3] release lists with no country in common are an error naming them; NOFORN releases nowhere', () => {
    const toUk = parseMarking(CLASSIFICATION, 'C//REL TO GBR')
    const toCanada = parseMarking(CLASSIFICATION, 'S//REL TO CAN')
    const result = rollUp(CLASSIFICATION, [toUk, toCanada])
    expect(result).toEqual({
      ok: false,
      reason: 'the portions may be released to no country in common (REL TO CAN; REL TO GBR)',
    })
    const noforn = parseMarking(CLASSIFICATION, 'S//NOFORN//REL TO GBR')
    expect(noforn.releasableTo).toBeNull()
    expect(rollUp(CLASSIFICATION, [toUk, noforn])).toEqual({
      ok: true,
      marking: parseMarking(CLASSIFICATION, 'S//NOFORN'),
    })
    // Unmarked release (an unclassified portion) restricts nothing.
    const open = parseMarking(CLASSIFICATION, 'U')
    expect(rollUp(CLASSIFICATION, [open, toUk])).toEqual({ ok: true, marking: toUk })
  })

  it('[MK4] what is not a marking of the scheme is refused, naming the part at fault', () => {
    expect(() => parseMarking(TLP, 'TLP:ORANGE')).toThrow(
      '"TLP:ORANGE" is not a level of TLP 2.0 (TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED)',
    )
    expect(() => parseMarking(TLP, 'TLP:RED//REL TO GBR')).toThrow('TLP 2.0 has no release lists')
    expect(() => parseMarking(TLP, 'TLP:RED//NOFORN')).toThrow(
      'TLP 2.0 has no dissemination controls ("NOFORN")',
    )
    expect(() => parseMarking(CLASSIFICATION, 'S//EYES ONLY')).toThrow(
      '"EYES ONLY" is not a control of Classification (NOFORN, ORCON, PROPIN, IMCON)',
    )
    expect(() => parseMarking(CLASSIFICATION, 'S//REL TO UK')).toThrow(
      '"REL TO UK" must list country codes of 3 or 4 capital letters (REL TO USA, GBR)',
    )
    expect(() => parseMarking(COMPANY, '  ')).toThrow('a marking cannot be blank')
  })

  it('[MK5] a team scheme is its labels in order; bad label lists are refused', () => {
    expect(COMPANY.levels.map((l) => [l.id, l.banner])).toEqual([
      ['public', 'PUBLIC'],
      ['internal', 'INTERNAL'],
      ['confidential', 'CONFIDENTIAL'],
    ])
    expect(
      rollUp(COMPANY, [parseMarking(COMPANY, 'confidential'), parseMarking(COMPANY, 'public')]),
    ).toEqual({ ok: true, marking: parseMarking(COMPANY, 'CONFIDENTIAL') })
    expect(() => teamScheme(['Only'])).toThrow('a team scheme needs 2 to 12 labels, got 1')
    expect(() => teamScheme(['Open', 'open'])).toThrow('label "open" is given twice')
    expect(() => teamScheme(['Open', '<b>'])).toThrow(/label "<b>" must be 1 to 40 letters/)
  })

  it('[MK6] a marking covers another when it is as high, as controlled and released no wider', () => {
    const p = (text: string) => parseMarking(CLASSIFICATION, text)
    expect(covers(CLASSIFICATION, p('S'), p('C'))).toBe(true)
    expect(covers(CLASSIFICATION, p('C'), p('S'))).toBe(false)
    expect(covers(CLASSIFICATION, p('S'), p('S//ORCON'))).toBe(false)
    expect(covers(CLASSIFICATION, p('S//REL TO GBR'), p('S//REL TO USA, GBR'))).toBe(true)
    expect(covers(CLASSIFICATION, p('S'), p('S//REL TO USA, GBR'))).toBe(false)
    expect(covers(CLASSIFICATION, p('S//NOFORN'), p('S//REL TO GBR'))).toBe(true)
    expect(covers(TLP, parseMarking(TLP, 'TLP:GREEN'), parseMarking(TLP, 'TLP:AMBER'))).toBe(false)
  })
})
