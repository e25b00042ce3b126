import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../../client/src/api/apiError'
import { createBriefing, deleteBriefing, listBriefings } from '../../client/src/api/briefings'
import { SESSION_ENDED_EVENT } from '../../client/src/api/http'

function respondWith(status: number, body: string | null, statusText = '') {
  const fetchMock = vi.fn(async () => new Response(body, { status, statusText }))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

afterEach(() => {
  vi.unstubAllGlobals()
})

const briefing = {
  id: 'b1',
  title: 'Market outlook',
  teamId: 't1',
  teamRole: 'editor',
  createdBy: 'u1',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-02T00:00:00.000Z',
  epoch: 'e1',
}

describe('API client', () => {
  it('sends JSON and parses the answer', async () => {
    const fetchMock = respondWith(201, JSON.stringify({ ...briefing, role: 'owner', extra: 1 }))
    await expect(createBriefing('Market outlook')).resolves.toEqual({ ...briefing, role: 'owner' })
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/briefings',
      expect.objectContaining({ method: 'POST', body: '{"title":"Market outlook"}' }),
    )
  })

  it('creates a briefing in the team it is given', async () => {
    const fetchMock = respondWith(201, JSON.stringify({ ...briefing, role: 'owner' }))
    await createBriefing('Market outlook', 't1')
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/briefings',
      expect.objectContaining({ body: '{"title":"Market outlook","teamId":"t1"}' }),
    )
  })

  it('accepts 204 with no body', async () => {
    respondWith(204, null)
    await expect(deleteBriefing('b1')).resolves.toBeUndefined()
  })

  it('surfaces the server error message, code and field', async () => {
    respondWith(
      400,
      JSON.stringify({ error: { code: 'invalid', message: 'Title is too long', field: 'title' } }),
    )
    const err = await createBriefing('x').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({
      status: 400,
      code: 'invalid',
      message: 'Title is too long.',
      field: 'title',
    })
  })

  it('turns a terse server message into a sentence', async () => {
    respondWith(
      401,
      JSON.stringify({ error: { code: 'unauthenticated', message: 'sign in first' } }),
    )
    await expect(listBriefings()).rejects.toMatchObject({
      status: 401,
      code: 'unauthenticated',
      message: 'Sign in first.',
    })
  })

  it('announces on window that the session ended when the server answers 401', async () => {
    const events: string[] = []
    const target = new EventTarget()
    target.addEventListener(SESSION_ENDED_EVENT, (event) => events.push(event.type))
    vi.stubGlobal('window', target)
    respondWith(401, JSON.stringify({ error: { code: 'unauthenticated', message: 'sign in' } }))
    await expect(listBriefings()).rejects.toMatchObject({ status: 401 })
    expect(events).toEqual([SESSION_ENDED_EVENT])
    // A wrong password is a 401 too, but says nothing about the session.
    respondWith(401, JSON.stringify({ error: { code: 'bad_credentials', message: 'wrong' } }))
    await expect(listBriefings()).rejects.toMatchObject({ code: 'bad_credentials' })
    expect(events).toHaveLength(1)
  })

  it('explains an error response without our error body', async () => {
    respondWith(502, '<html>Bad gateway</html>', 'Bad Gateway')
    await expect(listBriefings()).rejects.toMatchObject({
      status: 502,
      message: 'The server answered 502 Bad Gateway',
    })
  })

  it('reports a network failure as such', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    await expect(listBriefings()).rejects.toMatchObject({ status: 0, code: 'network' })
  })

  it('rejects a body that breaks the contract, naming the field', async () => {
    respondWith(200, JSON.stringify({ briefings: [{ ...briefing, title: 7 }] }))
    await expect(listBriefings()).rejects.toMatchObject({
      code: 'bad_response',
      message: expect.stringContaining('briefing.title'),
    })
  })
})
