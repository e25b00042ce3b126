/** Choosing a precompressed copy from Accept-Encoding (server/http/acceptEncoding.ts). */
import { describe, expect, it } from 'vitest'
import { chooseCoding } from '../../server/http/acceptEncoding'

const BOTH = ['br', 'gzip'] as const

describe('chooseCoding', () => {
  it('prefers brotli on equal weights whatever order the browser lists them in', () => {
    expect(chooseCoding('gzip, deflate, br, zstd', BOTH)).toBe('br')
    expect(chooseCoding('br, gzip', BOTH)).toBe('br')
  })

  it('follows the weights the client gives', () => {
    expect(chooseCoding('br;q=0.5, gzip', BOTH)).toBe('gzip')
    expect(chooseCoding('gzip;q=0.2, identity;q=0.5', BOTH)).toBe('identity')
    expect(chooseCoding('br;q=0, *', BOTH)).toBe('gzip')
    expect(chooseCoding('BR ; Q=1', BOTH)).toBe('br')
    expect(chooseCoding('x-gzip', BOTH)).toBe('gzip')
  })

  it('offers only the copies the file has', () => {
    expect(chooseCoding('br, gzip', ['gzip'])).toBe('gzip')
    expect(chooseCoding('br', ['gzip'])).toBe('identity')
    expect(chooseCoding('br, gzip', [])).toBe('identity')
  })

  it('sends the file as is without a header, with an empty one, or when all is refused', () => {
    expect(chooseCoding(undefined, BOTH)).toBe('identity')
    expect(chooseCoding('', BOTH)).toBe('identity')
    expect(chooseCoding('identity', BOTH)).toBe('identity')
    expect(chooseCoding('deflate', BOTH)).toBe('identity')
    expect(chooseCoding('gzip;q=0, br;q=0', BOTH)).toBe('identity')
    expect(chooseCoding('*;q=0', BOTH)).toBe('identity')
  })

  it('takes `*` for any coding not named', () => {
    expect(chooseCoding('*', BOTH)).toBe('br')
    expect(chooseCoding('*', ['gzip'])).toBe('gzip')
    expect(chooseCoding('gzip;q=0.9, *;q=0.1', BOTH)).toBe('gzip')
  })
})
