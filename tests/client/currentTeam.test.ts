import { describe, expect, it } from 'vitest'
import type { TeamMembership } from '../../client/src/api/auth'
import {
  loadChosenTeam,
  pickCurrentTeam,
  rememberChosenTeam,
  sortTeams,
  teamLabel,
} from '../../client/src/teams/currentTeam'

const personal: TeamMembership = { id: 'p', name: "Ada's briefings", personal: true, role: 'admin' }
const desk: TeamMembership = { id: 'd', name: 'Europe desk', personal: false, role: 'member' }
const asia: TeamMembership = { id: 'a', name: 'Asia desk', personal: false, role: 'admin' }

describe('current team', () => {
  it('lists the personal team first, then the others by name', () => {
    expect(sortTeams([desk, asia, personal]).map((t) => t.id)).toEqual(['p', 'a', 'd'])
  })

  it('keeps the chosen team while the user is in it, else falls back to personal', () => {
    expect(pickCurrentTeam([personal, desk], 'd')).toBe(desk)
    expect(pickCurrentTeam([personal, desk], 'gone')).toBe(personal)
    expect(pickCurrentTeam([personal, desk], null)).toBe(personal)
    expect(pickCurrentTeam([desk], null)).toBe(desk)
    expect(pickCurrentTeam([], 'd')).toBeNull()
  })

  it('remembers the choice, and survives storage that refuses', () => {
    const items = new Map<string, string>()
    const storage = {
      getItem: (key: string) => items.get(key) ?? null,
      setItem: (key: string, value: string) => void items.set(key, value),
    }
    expect(loadChosenTeam(storage)).toBeNull()
    rememberChosenTeam(storage, 'd')
    expect(loadChosenTeam(storage)).toBe('d')
    const broken = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
    }
    expect(loadChosenTeam(broken)).toBeNull()
    expect(() => rememberChosenTeam(broken, 'd')).not.toThrow()
  })

  it('calls the personal team "Personal"', () => {
    expect(teamLabel(personal)).toBe('Personal')
    expect(teamLabel(desk)).toBe('Europe desk')
  })
})
