/** The sources API response contract: a source on success, a worded ApiError otherwise. */
import { describe, expect, it } from 'vitest'
import { ApiError, ClientErrorCode } from '../../client/src/api/apiError'
import { sourceFromResponse } from '../../client/src/api/sources'
import { ARTICLE, makeSource } from '../quotes/fixtures'

const source = makeSource(ARTICLE)

function caught(run: () => unknown): ApiError {
  try {
    run()
  } catch (err) {
    if (err instanceof ApiError) return err
    throw err
  }
  throw new Error('expected an ApiError')
}

describe('sourceFromResponse', () => {
  it('returns the source of a 201', () => {
    expect(sourceFromResponse(201, 'Created', JSON.stringify({ source }))).toEqual(source)
  })

  it('turns an error body into an ApiError with the server’s code and a sentence', () => {
    const err = caught(() =>
      sourceFromResponse(
        400,
        'Bad Request',
        JSON.stringify({ error: { code: 'blocked_address', message: 'address is private' } }),
      ),
    )
    expect(err).toMatchObject({
      status: 400,
      code: 'blocked_address',
      message: 'Address is private.',
    })
  })

  it('keeps the field an import error names, as every other API call does', () => {
    const body = {
      error: { code: 'invalid_input', message: 'must be base64', field: 'contentBase64' },
    }
    const err = caught(() => sourceFromResponse(400, 'Bad Request', JSON.stringify(body)))
    expect(err).toMatchObject({ status: 400, code: 'invalid_input', field: 'contentBase64' })
  })

  it('reports a body without our error shape by its status', () => {
    const err = caught(() => sourceFromResponse(413, 'Payload Too Large', '<html>nginx</html>'))
    expect(err).toMatchObject({ status: 413, code: 'http_413' })
    expect(err.message).toMatch(/413 Payload Too Large/)
  })

  it('calls a success without a well-formed source a bad response', () => {
    const err = caught(() =>
      sourceFromResponse(201, 'Created', JSON.stringify({ source: { id: 1 } })),
    )
    expect(err.code).toBe(ClientErrorCode.BadResponse)
    expect(caught(() => sourceFromResponse(201, 'Created', 'nope')).code).toBe(
      ClientErrorCode.BadResponse,
    )
  })
})
