import { describe, expect, it } from 'vitest'
import {
  colorForUser,
  IDENTITY_COLORS,
  identityOf,
  initials,
  MAX_NAME_LENGTH,
} from '../../client/src/identity/identity'

describe('identity', () => {
  it('gives an account the same palette colour every time', () => {
    const id = '5b0c2f0e-8a7e-4c1c-9d6f-0f4c5e9a1b2c'
    expect(colorForUser(id)).toBe(colorForUser(id))
    expect(IDENTITY_COLORS).toContain(colorForUser(id))
    for (const color of IDENTITY_COLORS) expect(color).toMatch(/^#[0-9a-f]{6}$/)
  })

  it('spreads similar ids across the palette', () => {
    const ids = Array.from({ length: 200 }, (_, i) => `user-${i}`)
    const used = new Set(ids.map(colorForUser))
    expect(used.size).toBe(IDENTITY_COLORS.length)
  })

  it('uses the account name, tidied and shortened for caret labels', () => {
    expect(identityOf({ id: 'u1', name: '  Ada   Lovelace ' })).toEqual({
      name: 'Ada Lovelace',
      color: colorForUser('u1'),
    })
    const long = identityOf({ id: 'u1', name: 'x'.repeat(100) })
    expect(long.name).toHaveLength(MAX_NAME_LENGTH)
    expect(long.name.endsWith('…')).toBe(true)
    expect(identityOf({ id: 'u1', name: '   ' }).name).toBe('?')
  })

  it('makes initials', () => {
    expect(initials('Ada Lovelace')).toBe('AL')
    expect(initials('ada')).toBe('A')
    expect(initials('Émile von Zola')).toBe('ÉZ')
    expect(initials('😀 Smile')).toBe('😀S')
  })
})
