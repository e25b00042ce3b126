import { describe, expect, it } from 'vitest'
import { parseRoute, routePath } from '../../client/src/router/route'

describe('routes', () => {
  it('parses the list and editor pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'list' })
    expect(parseRoute('/b/abc123')).toEqual({ page: 'editor', briefingId: 'abc123' })
    expect(parseRoute('/b/abc123/')).toEqual({ page: 'editor', briefingId: 'abc123' })
  })

  it('sends anything else to not-found', () => {
    expect(parseRoute('/b/')).toEqual({ page: 'not-found', path: '/b/' })
    expect(parseRoute('/b/a/b')).toEqual({ page: 'not-found', path: '/b/a/b' })
    expect(parseRoute('/b/%E0%A4%A')).toEqual({ page: 'not-found', path: '/b/%E0%A4%A' })
  })

  it('round-trips ids that need escaping', () => {
    const route = { page: 'editor', briefingId: 'a b/c?' } as const
    expect(parseRoute(routePath(route))).toEqual(route)
  })
})
