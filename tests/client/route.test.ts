import { describe, expect, it } from 'vitest'
import { parseRoute, type Route, routePath } from '../../client/src/router/route'

describe('routes', () => {
  it('parses the list and editor pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'list' })
    expect(parseRoute('')).toEqual({ page: 'list' })
    expect(parseRoute('/b/abc123')).toEqual({ page: 'editor', briefingId: 'abc123' })
    expect(parseRoute('/b/abc123/')).toEqual({ page: 'editor', briefingId: 'abc123' })
  })

  it('parses the account, team and invite pages', () => {
    expect(parseRoute('/signin')).toEqual({ page: 'signin' })
    expect(parseRoute('/signin?next=%2Fb%2Fx')).toEqual({ page: 'signin', next: '/b/x' })
    expect(parseRoute('/signup?invite=tok&next=%2Fsettings')).toEqual({
      page: 'signup',
      invite: 'tok',
      next: '/settings',
    })
    expect(parseRoute('/invite/abc-_1')).toEqual({ page: 'invite', token: 'abc-_1' })
    expect(parseRoute('/teams/t1')).toEqual({ page: 'team', teamId: 't1' })
    expect(parseRoute('/settings')).toEqual({ page: 'settings' })
  })

  it('never sends anyone off-site after signing in', () => {
    for (const next of ['//evil.example', 'https://evil.example', '/\\evil.example', 'b/x']) {
      expect(parseRoute(`/signin?next=${encodeURIComponent(next)}`), next).toEqual({
        page: 'signin',
      })
    }
  })

  it('sends anything else to not-found', () => {
    expect(parseRoute('/b/')).toEqual({ page: 'not-found', path: '/b/' })
    expect(parseRoute('/b/a/b')).toEqual({ page: 'not-found', path: '/b/a/b' })
    expect(parseRoute('/b/%E0%A4%A')).toEqual({ page: 'not-found', path: '/b/%E0%A4%A' })
    expect(parseRoute('/teams')).toEqual({ page: 'not-found', path: '/teams' })
  })

  it('round-trips every page, including values that need escaping', () => {
    const routes: Route[] = [
      { page: 'list' },
      { page: 'editor', briefingId: 'a b/c?' },
      { page: 'signin' },
      { page: 'signin', next: '/b/a%20b?x=1' },
      { page: 'signup', invite: 'a+b/c', next: '/teams/t' },
      { page: 'invite', token: 'tok/en' },
      { page: 'team', teamId: 't 1' },
      { page: 'settings' },
    ]
    for (const route of routes) expect(parseRoute(routePath(route))).toEqual(route)
  })
})
