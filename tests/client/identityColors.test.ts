/**
 * The presence palette and how a room shares it out: colours that carry white text, that no
 * two people confuse (measured in OKLab, also as a deuteranope sees them), and who gives way
 * when two people in a room have the same one.
 */
import { describe, expect, it } from 'vitest'
import { colorDistance, linearRgb, oklabOf } from '../../client/src/identity/colorDistance'
import { IDENTITY_COLORS } from '../../client/src/identity/identity'
import { roomColor } from '../../client/src/identity/roomColor'

/** WCAG relative luminance of `#rrggbb`. */
const luminance = (hex: string) => {
  const [r, g, b] = linearRgb(hex)
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

/** Deuteranopia, full severity (Machado, Oliveira and Fernandes 2009), on linear RGB. */
const DEUTERANOPIA = [
  [0.367322, 0.860646, -0.227968],
  [0.280085, 0.672501, 0.047413],
  [-0.01182, 0.04294, 0.968881],
]
const asDeuteranope = (hex: string) => {
  const rgb = linearRgb(hex)
  const [r, g, b] = DEUTERANOPIA.map((row) =>
    Math.min(1, Math.max(0, row[0]! * rgb[0] + row[1]! * rgb[1] + row[2]! * rgb[2])),
  ) as [number, number, number]
  return oklabOf([r, g, b])
}

const pairs = () =>
  IDENTITY_COLORS.flatMap((a, i) => IDENTITY_COLORS.slice(i + 1).map((b) => [a, b] as const))

const state = (name: string, color: string) => ({ user: { name, color } })

describe('presence colours', () => {
  it('[PAL1] carry white initials and labels at WCAG AA, and no two look alike', () => {
    for (const color of IDENTITY_COLORS) {
      expect(1.05 / (luminance(color) + 0.05), color).toBeGreaterThanOrEqual(4.5)
    }
    for (const [a, b] of pairs()) {
      // Ten times a just noticeable difference, and half that for a deuteranope.
      expect(colorDistance(a, b), `${a} ${b}`).toBeGreaterThanOrEqual(0.12)
      const [p, q] = [asDeuteranope(a), asDeuteranope(b)]
      expect(Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]), `${a} ${b}`).toBeGreaterThanOrEqual(
        0.06,
      )
    }
  })

  it('[PAL2] of two people with one colour, the higher client id gives way, to the free colour most unlike those in use', () => {
    const [orange, , green, , blue] = IDENTITY_COLORS
    const me = { clientId: 5, name: 'Grace', usual: blue }
    // Alone, or with others in other colours: the usual colour.
    expect(roomColor(me, new Map([[5, state('Grace', blue)]]))).toBe(blue)
    expect(roomColor(me, new Map([[1, state('Ada', orange)]]))).toBe(blue)
    // A later arrival with my colour moves, not me; another tab of mine is me.
    expect(roomColor(me, new Map([[9, state('Ada', blue)]]))).toBe(blue)
    expect(roomColor(me, new Map([[1, state('Grace', blue)]]))).toBe(blue)

    // A lower client id shows it: the free colour farthest from every colour in use.
    const states = new Map([
      [1, state('Ada', blue)],
      [2, state('Lin', green)],
    ])
    const moved = roomColor(me, states)
    expect(moved).not.toBe(blue)
    const farthest = (c: string) => Math.min(colorDistance(c, blue), colorDistance(c, green))
    for (const other of IDENTITY_COLORS.filter((c) => c !== blue && c !== green)) {
      expect(farthest(moved)).toBeGreaterThanOrEqual(farthest(other))
    }
    // The same states give every client the same answer.
    expect(roomColor(me, new Map([...states].reverse()))).toBe(moved)

    // With every colour taken there is nothing better: the usual one.
    const full = new Map(IDENTITY_COLORS.map((c, i) => [i, state(`P${i}`, c)] as const))
    expect(roomColor({ clientId: 99, name: 'Grace', usual: blue }, full)).toBe(blue)
  })
})
