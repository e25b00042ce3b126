import { describe, expect, it } from 'vitest'
import type { Me } from '../../client/src/api/auth'
import {
  type AuthEvent,
  type AuthState,
  accountOf,
  initialAuthState,
  nextAuthState,
} from '../../client/src/auth/authState'

const me: Me = {
  user: { id: 'u1', email: 'ada@example.org', name: 'Ada', isAdmin: true },
  teams: [{ id: 't1', name: "Ada's briefings", personal: true, role: 'admin' }],
}
const run = (...events: AuthEvent[]): AuthState => events.reduce(nextAuthState, initialAuthState)

describe('auth state', () => {
  it('is loading, then signed in or out by the first answer', () => {
    expect(run()).toEqual({ status: 'loading' })
    expect(run({ type: 'loaded', me })).toEqual({ status: 'signed-in', me })
    expect(run({ type: 'loaded', me: null })).toEqual({ status: 'signed-out' })
    expect(run({ type: 'load-failed', message: 'down' })).toEqual({
      status: 'error',
      message: 'down',
    })
  })

  it('keeps the account while an ended session waits for sign-in', () => {
    const expired = run({ type: 'loaded', me }, { type: 'session-ended' })
    expect(expired).toEqual({ status: 'expired', me })
    expect(accountOf(expired)).toBe(me)
    expect(nextAuthState(expired, { type: 'signed-in', me })).toEqual({ status: 'signed-in', me })
  })

  it('takes a changed account (a rename) for the signed-in user only', () => {
    const renamed: Me = { ...me, user: { ...me.user, name: 'Ada King' } }
    const signedIn = run({ type: 'loaded', me })
    expect(nextAuthState(signedIn, { type: 'account-changed', me: renamed })).toEqual({
      status: 'signed-in',
      me: renamed,
    })
    const someoneElse: Me = { ...renamed, user: { ...renamed.user, id: 'u2' } }
    expect(nextAuthState(signedIn, { type: 'account-changed', me: someoneElse })).toBe(signedIn)
    const signedOut = run({ type: 'loaded', me: null })
    expect(nextAuthState(signedOut, { type: 'account-changed', me: renamed })).toBe(signedOut)
  })

  it('ignores a 401 that arrives while nobody is signed in', () => {
    expect(run({ type: 'session-ended' })).toEqual({ status: 'loading' })
    expect(run({ type: 'loaded', me: null }, { type: 'session-ended' })).toEqual({
      status: 'signed-out',
    })
  })

  it('updates the teams of the signed-in account only', () => {
    const teams = [
      ...me.teams,
      { id: 't2', name: 'Desk', personal: false, role: 'member' as const },
    ]
    const state = run({ type: 'loaded', me }, { type: 'teams-changed', teams })
    expect(accountOf(state)?.teams).toEqual(teams)
    expect(run({ type: 'loaded', me: null }, { type: 'teams-changed', teams })).toEqual({
      status: 'signed-out',
    })
  })

  it('forgets the account on sign-out', () => {
    const state = run({ type: 'loaded', me }, { type: 'signed-out' })
    expect(state).toEqual({ status: 'signed-out' })
    expect(accountOf(state)).toBeNull()
  })
})
