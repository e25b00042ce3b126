import { describe, expect, it } from 'vitest'
import {
  IDENTITY_COLORS,
  initials,
  loadIdentity,
  pickColor,
  saveIdentity,
  validateName,
} from '../../client/src/identity/identity'

function memoryStorage() {
  const items = new Map<string, string>()
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  }
}

describe('identity', () => {
  it('round-trips through storage', () => {
    const storage = memoryStorage()
    expect(loadIdentity(storage)).toBeNull()
    saveIdentity(storage, { name: 'Ada Lovelace', color: '#2563eb' })
    expect(loadIdentity(storage)).toEqual({ name: 'Ada Lovelace', color: '#2563eb' })
  })

  it('ignores stored values it cannot use', () => {
    for (const stored of [
      'not json',
      '[]',
      '{"name":"Ada"}',
      '{"name":"","color":"#2563eb"}',
      '{"name":"Ada","color":"blue"}',
    ]) {
      const storage = memoryStorage()
      storage.setItem('briefing.identity', stored)
      expect(loadIdentity(storage), stored).toBeNull()
    }
  })

  it('survives storage that refuses writes', () => {
    const storage = {
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(() => saveIdentity(storage, { name: 'Ada', color: '#2563eb' })).not.toThrow()
  })

  it('validates names', () => {
    expect(validateName('  Ada   Lovelace ')).toEqual({ name: 'Ada Lovelace' })
    expect(validateName('   ')).toHaveProperty('error')
    expect(validateName('x'.repeat(41))).toHaveProperty('error')
  })

  it('picks palette colours the caret extension accepts', () => {
    expect(pickColor(() => 0)).toBe(IDENTITY_COLORS[0])
    expect(pickColor(() => 0.9999)).toBe(IDENTITY_COLORS[IDENTITY_COLORS.length - 1])
    for (const color of IDENTITY_COLORS) expect(color).toMatch(/^#[0-9a-f]{6}$/)
  })

  it('makes initials', () => {
    expect(initials('Ada Lovelace')).toBe('AL')
    expect(initials('ada')).toBe('A')
    expect(initials('Émile von Zola')).toBe('ÉZ')
    expect(initials('😀 Smile')).toBe('😀S')
  })
})
