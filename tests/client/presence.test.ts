import { describe, expect, it } from 'vitest'
import { peopleHere } from '../../client/src/editor/presence'

describe('people here', () => {
  it('lists yourself first, then others by name', () => {
    const states = new Map<number, unknown>([
      [3, { user: { name: 'Zoe', color: '#2563eb' } }],
      [1, { user: { name: 'Me', color: '#0f766e' } }],
      [2, { user: { name: 'Ada', color: '#7c3aed' } }],
    ])
    expect(peopleHere(states, 1).map((p) => [p.name, p.isSelf])).toEqual([
      ['Me', true],
      ['Ada', false],
      ['Zoe', false],
    ])
  })

  it('counts several tabs of one person once', () => {
    const user = { name: 'Ada', color: '#7c3aed' }
    const people = peopleHere(
      new Map([
        [1, { user }],
        [2, { user }],
      ]),
      9,
    )
    expect(people).toHaveLength(1)
    expect(people[0]?.connections).toBe(2)
  })

  it('drops states without a usable user and defuses bad colours and long names', () => {
    const states = new Map<number, unknown>([
      [1, null],
      [2, { cursor: {} }],
      [3, { user: { name: '  ' } }],
      [4, { user: { name: 'x'.repeat(500), color: 'red; background: url(evil)' } }],
    ])
    const people = peopleHere(states, 0)
    expect(people).toHaveLength(1)
    expect(people[0]?.name).toHaveLength(40)
    expect(people[0]?.color).toMatch(/^#[0-9a-f]{6}$/)
  })
})
