import { describe, expect, it } from 'vitest'
import { normalizeLinkHref } from '../../client/src/editor/linkHref'

describe('link addresses', () => {
  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['example.com/report', 'https://example.com/report'],
    ['  http://example.org  ', 'http://example.org/'],
    ['ada@example.com', 'mailto:ada@example.com'],
    ['mailto:ada@example.com', 'mailto:ada@example.com'],
  ])('accepts %s', (input, href) => {
    expect(normalizeLinkHref(input)).toEqual({ href })
  })

  it.each([
    '',
    'javascript:alert(1)',
    'data:text/html,hi',
    'ftp://example.com',
    'not a url',
    'foo',
  ])('refuses %j', (input) => {
    expect(normalizeLinkHref(input)).toHaveProperty('error')
  })
})
