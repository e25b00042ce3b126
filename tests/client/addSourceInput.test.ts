/** What the Add-source dialog refuses before sending, and how it words failures. */
import { describe, expect, it } from 'vitest'
import { ApiError, ClientErrorCode } from '../../client/src/api/apiError'
import {
  checkSourceUrl,
  fileProblem,
  formatBytes,
  importFailure,
  MAX_SOURCE_FILE_BYTES,
} from '../../client/src/sources/addSourceInput'

describe('fileProblem', () => {
  it('accepts the importers’ file types in any case', () => {
    for (const name of ['a.html', 'a.HTM', 'a.txt', 'report.PDF', 'memo.docx']) {
      expect(fileProblem({ name, size: 10 })).toBeNull()
    }
  })

  it('names the file and the reason when it refuses one', () => {
    expect(fileProblem({ name: 'clip.mp4', size: 10 })).toMatch(/clip\.mp4 is not a file/)
    expect(fileProblem({ name: 'empty.txt', size: 0 })).toBe('empty.txt is empty.')
    expect(fileProblem({ name: 'big.pdf', size: MAX_SOURCE_FILE_BYTES + 1 })).toBe(
      'big.pdf is 15.0 MB; files can be at most 15.0 MB.',
    )
    expect(fileProblem({ name: 'ok.pdf', size: MAX_SOURCE_FILE_BYTES })).toBeNull()
  })
})

describe('checkSourceUrl', () => {
  it('adds https:// when no scheme was typed', () => {
    expect(checkSourceUrl(' example.com/news/1 ')).toEqual({ url: 'https://example.com/news/1' })
    expect(checkSourceUrl('http://example.com')).toEqual({ url: 'http://example.com/' })
  })

  it('refuses empty input, other schemes and hosts that are not addresses', () => {
    expect(checkSourceUrl('')).toHaveProperty('error')
    expect(checkSourceUrl('ftp://example.com/a')).toEqual({
      error: 'Only http:// and https:// pages can be imported.',
    })
    expect(checkSourceUrl('javascript:alert(1)')).toHaveProperty('error')
    expect(checkSourceUrl('not a url')).toHaveProperty('error')
  })
})

describe('importFailure', () => {
  it('gives each server error code a headline and keeps the server’s detail', () => {
    const failure = importFailure(
      new ApiError(400, 'blocked_address', 'The address 10.0.0.1 is on a private network.'),
    )
    expect(failure).toEqual({
      title: 'That address cannot be fetched',
      detail: 'The address 10.0.0.1 is on a private network.',
    })
    expect(importFailure(new ApiError(504, 'timeout', 'x')).title).toMatch(/too long/)
    expect(importFailure(new ApiError(422, 'something-new', 'Odd.')).title).toBe(
      'The source could not be added',
    )
  })

  it('explains a refusal for viewers, a proxy’s 413 and a lost connection', () => {
    expect(importFailure(new ApiError(403, 'forbidden', 'No.')).title).toBe(
      'Only editors can add sources',
    )
    expect(importFailure(new ApiError(413, 'http_413', 'x')).detail).toMatch(/15\.0 MB/)
    expect(importFailure(new ApiError(0, ClientErrorCode.Network, 'Offline.')).title).toMatch(
      /Cannot reach/,
    )
    expect(importFailure(new Error('boom')).detail).toBe('boom')
  })

  it('shows the cap the server names for its own 413s and the import threads’ refusals', () => {
    expect(
      importFailure(
        new ApiError(413, 'too_large', 'long.pdf has 2,001 pages; a source may have at most 2,000'),
      ),
    ).toEqual({
      title: 'The source is too large',
      detail: 'long.pdf has 2,001 pages; a source may have at most 2,000',
    })
    expect(importFailure(new ApiError(422, 'too_complex', 'x')).title).toMatch(/too complex/)
    expect(importFailure(new ApiError(422, 'import_timeout', 'x')).title).toMatch(/too long/)
    expect(importFailure(new ApiError(503, 'import_busy', 'x')).title).toMatch(/busy/)
  })
})

describe('formatBytes', () => {
  it('uses bytes, KB and MB', () => {
    expect(formatBytes(1)).toBe('1 byte')
    expect(formatBytes(900)).toBe('900 bytes')
    expect(formatBytes(2048)).toBe('2 KB')
    expect(formatBytes(2.5 * 1024 * 1024)).toBe('2.5 MB')
  })
})
