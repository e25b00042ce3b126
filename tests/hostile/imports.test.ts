/**
 * [HI] Hostile source imports through the real HTTP route, on a real server with real import
 * threads (issue 16, items 1, 10 and 11). A signed-in user uploading a hostile file must not
 * freeze anybody else's session: while it parses, /healthz answers and two other clients'
 * edits round-trip. What is over a cap is refused with the documented status and JSON body
 * (docs/API.md), a thread past its time limit is replaced and the next import works, the
 * queue is bounded, a malformed PDF is a 422, and an SSRF refusal names no address.
 */
import http from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import type { StartOptions } from '../../server/app'
import { READ_IN_THREAD_FROM } from '../../server/http/routes/sources'
import type { ParseJob } from '../../server/sources/parseSource'
import { appendParagraph, connectClient, docText, type TestClient } from '../helpers/clients'
import { createBriefing, startTestServer, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import {
  docxWithXml,
  lyingDocx,
  malformedPdf,
  manyElements,
  manyParagraphs,
  nestedDivs,
  pdfWithPages,
} from './hostileFiles'

const MiB = 1024 * 1024

interface ErrorBody {
  error: { code: string; message: string }
}

let server: TestServer | null = null
const clients: TestClient[] = []
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.close()
  server = null
})

async function start(imports: StartOptions['imports'] = {}): Promise<TestServer> {
  server = await startTestServer({ imports })
  return server
}

/** A user with a briefing of their own to import into. */
async function importer(running: TestServer): Promise<{ user: TestUser; briefingId: string }> {
  const user = await signUp(running.url, { name: 'Importer' })
  return { user, briefingId: await createBriefingAs(user, 'Imports') }
}

function upload(
  user: TestUser,
  briefingId: string,
  filename: string,
  bytes: Uint8Array,
): Promise<Response> {
  return user.api(`/api/briefings/${briefingId}/sources`, {
    method: 'POST',
    body: { type: 'file', filename, contentBase64: Buffer.from(bytes).toString('base64') },
  })
}

async function expectRefusal(
  response: Response,
  status: number,
  code: string,
  message: RegExp,
): Promise<void> {
  const body = (await response.json()) as Partial<ErrorBody>
  // Optional: an import that should have been refused answers 201 with no error at all.
  expect({ status: response.status, code: body.error?.code }).toEqual({ status, code })
  expect(body.error?.message).toMatch(message)
}

/** Two clients of another user's briefing, synced. */
async function otherSession(running: TestServer): Promise<[TestClient, TestClient]> {
  const briefingId = await createBriefing(running.url, 'Somebody else')
  const pair = [connectClient(running.wsUrl, briefingId), connectClient(running.wsUrl, briefingId)]
  clients.push(...pair)
  await waitFor(() => pair.every((c) => c.provider.synced), 'both clients synced')
  return pair as [TestClient, TestClient]
}

describe('hostile imports', () => {
  it('[HI1] while a hostile import parses, /healthz answers and other edits round-trip', async () => {
    // A generous limit: on a busy machine the (deliberately niced) thread may parse slowly.
    const running = await start({ timeLimitMs: 120_000 })
    const [writer, reader] = await otherSession(running)
    const { user, briefingId } = await importer(running)
    let settled = false
    const slow = upload(user, briefingId, 'slow.html', manyParagraphs(45_000)).finally(() => {
      settled = true
    })
    await waitFor(() => running.imports.load.parsing === 1, 'the import is parsing')

    const health = await fetch(`${running.url}/healthz`)
    expect(health.status).toBe(200)
    appendParagraph(writer, 'typed while a hostile import parses')
    await waitFor(
      () => docText(reader.doc).includes('typed while a hostile import parses'),
      'the edit reached the other client',
    )
    // Both happened before the import was done: nothing waited for it.
    expect(settled).toBe(false)
    expect(running.imports.load.parsing).toBe(1)
    const done = await slow
    expect(done.status).toBe(201)
  })

  it('[HI2] what is over a cap is refused before parsing, with the documented status and body', async () => {
    const running = await start()
    const { user, briefingId } = await importer(running)
    await expectRefusal(
      await upload(user, briefingId, 'deep.html', nestedDivs(1_000)),
      422,
      'too_complex',
      /^deep\.html nests its elements more than 256 deep$/,
    )
    await expectRefusal(
      await upload(user, briefingId, 'wide.html', manyElements(100_001)),
      413,
      'too_large',
      /^wide\.html has more than 100,000 elements$/,
    )
    await expectRefusal(
      await upload(user, briefingId, 'bomb.docx', await docxWithXml(40 * MiB)),
      413,
      'too_large',
      /^bomb\.docx: its part word\/document\.xml inflates to 40 MiB; a part may have 8 MiB$/,
    )
    await expectRefusal(
      await upload(user, briefingId, 'liar.docx', await lyingDocx(8 * MiB)),
      413,
      'too_large',
      /^liar\.docx: its part word\/document\.xml inflates past the size it declares$/,
    )
    await expectRefusal(
      await upload(user, briefingId, 'long.pdf', pdfWithPages(2_001)),
      413,
      'too_large',
      /^long\.pdf has 2,001 pages; a source may have at most 2,000$/,
    )
    // Nothing refused reached the briefing.
    const sources = await user.api(`/api/briefings/${briefingId}/sources`)
    expect(((await sources.json()) as { sources: unknown[] }).sources).toEqual([])
  })

  it('[HI3] an import past the time limit is a 422, and the next import works', async () => {
    // Seconds: the thread is niced, and on a busy machine even a small import takes a while.
    const running = await start({ timeLimitMs: 3_000 })
    const { user, briefingId } = await importer(running)
    await expectRefusal(
      await upload(user, briefingId, 'slow.html', manyParagraphs(45_000)),
      422,
      'import_timeout',
      /^slow\.html took longer than the 3 s an import may take; it is too complex to import$/,
    )
    const next = await user.api(`/api/briefings/${briefingId}/sources`, {
      method: 'POST',
      body: { type: 'text', text: 'The council met on Tuesday and agreed the budget.' },
    })
    expect(next.status).toBe(201)
  })

  it('[HI4] with every thread busy and the queue full, an import is a 503 with Retry-After', async () => {
    const running = await start({ size: 1, queueLimit: 0, timeLimitMs: 120_000 })
    const { user, briefingId } = await importer(running)
    const slow = upload(user, briefingId, 'slow.html', manyParagraphs(45_000))
    await waitFor(() => running.imports.load.parsing === 1, 'the import is parsing')
    const refused = await user.api(`/api/briefings/${briefingId}/sources`, {
      method: 'POST',
      body: { type: 'text', text: 'A short statement.' },
    })
    expect(refused.headers.get('retry-after')).toBe('120')
    await expectRefusal(refused, 503, 'import_busy', /try again shortly$/)
    expect((await slow).status).toBe(201)
  })

  it('[HI7] one user cannot fill the queue: a third import of theirs is a 429, others still import', async () => {
    const running = await start({ size: 1, queueLimit: 8, timeLimitMs: 3_000 })
    const hostile = await importer(running)
    const slow = manyParagraphs(45_000)
    const first = upload(hostile.user, hostile.briefingId, 'one.html', slow)
    const second = upload(hostile.user, hostile.briefingId, 'two.html', slow)
    await waitFor(
      () => running.imports.load.parsing === 1 && running.imports.load.waiting === 1,
      "both of the user's imports are in the pool",
    )
    const third = await upload(hostile.user, hostile.briefingId, 'three.html', slow)
    expect(third.headers.get('retry-after')).toBe('5')
    await expectRefusal(third, 429, 'too_many_imports', /already have 2 imports in progress/)
    const other = await importer(running)
    const theirs = other.user.api(`/api/briefings/${other.briefingId}/sources`, {
      method: 'POST',
      body: { type: 'text', text: 'The council met on Tuesday and agreed the budget.' },
    })
    expect((await theirs).status).toBe(201)
    for (const response of await Promise.all([first, second])) {
      expect([201, 422]).toContain(response.status)
    }
  })

  it('[HI8] a large import body is read in an import thread; the event loop only holds its bytes', async () => {
    const running = await start()
    // The pool's own parse, observed: which jobs reach the thread.
    const jobs: ParseJob['type'][] = []
    const parse = running.imports.parse
    Object.assign(running.imports, {
      parse: (job: ParseJob, signal?: AbortSignal) => {
        jobs.push(job.type)
        return parse(job, signal)
      },
    })
    const { user, briefingId } = await importer(running)
    const paragraph = '“We will reopen the harbour on Monday,” the mayor said. '
    const long = `${paragraph.repeat(Math.ceil(READ_IN_THREAD_FROM / paragraph.length))}`
    const file = await upload(user, briefingId, 'statement.txt', new TextEncoder().encode(long))
    expect(file.status).toBe(201)
    const pasted = await user.api(`/api/briefings/${briefingId}/sources`, {
      method: 'POST',
      body: { type: 'text', text: long.replace(/Monday/g, 'Tuesday') },
    })
    expect(pasted.status).toBe(201)
    const small = await upload(user, briefingId, 'short.txt', new TextEncoder().encode(paragraph))
    expect(small.status).toBe(201)
    expect(jobs).toEqual(['upload', 'upload', 'file'])
    const list = (await (await user.api(`/api/briefings/${briefingId}/sources`)).json()) as {
      sources: { title: string | null }[]
    }
    expect(list.sources).toHaveLength(3)
    // What the thread finds wrong with a body is answered as the event loop would answer it.
    const badBase64 = await user.api(`/api/briefings/${briefingId}/sources`, {
      method: 'POST',
      body: {
        type: 'file',
        filename: 'x.pdf',
        contentBase64: `${'A'.repeat(READ_IN_THREAD_FROM)}%%`,
      },
    })
    expect(badBase64.status).toBe(400)
    expect(((await badBase64.json()) as ErrorBody & { error: { field: string } }).error).toEqual({
      code: 'invalid_input',
      message: 'body field "contentBase64": must be base64',
      field: 'contentBase64',
    })
    const notJson = await fetch(`${running.url}/api/briefings/${briefingId}/sources`, {
      method: 'POST',
      headers: { cookie: user.cookie, 'content-type': 'application/json' },
      body: `{"type": "text", "text": "${'x'.repeat(READ_IN_THREAD_FROM)}`,
    })
    await expectRefusal(notJson, 400, 'bad_request', /^request body is not valid JSON$/)
    expect(jobs).toEqual(['upload', 'upload', 'file', 'upload', 'upload'])
  })

  it('[HI9] imports per user are rate limited before the body is read; other users still import', async () => {
    server = await startTestServer({ limits: { importsPerMinute: 2 } })
    const running = server
    const { user, briefingId } = await importer(running)
    for (const text of ['The council met on Tuesday.', 'The mayor spoke on Wednesday.']) {
      const response = await user.api(`/api/briefings/${briefingId}/sources`, {
        method: 'POST',
        body: { type: 'text', text },
      })
      expect(response.status).toBe(201)
    }
    // A third, announced as 5 MB that never arrives: the refusal cannot have waited for it.
    const refused = await new Promise<{ status: number; retryAfter: string; body: string }>(
      (resolve, reject) => {
        const request = http.request(`${running.url}/api/briefings/${briefingId}/sources`, {
          method: 'POST',
          headers: {
            cookie: user.cookie,
            'content-type': 'application/json',
            'content-length': String(5_000_000),
          },
        })
        request.on('response', (response) => {
          let body = ''
          response.on('data', (chunk) => {
            body += chunk
          })
          response.on('end', () => {
            resolve({
              status: response.statusCode ?? 0,
              retryAfter: String(response.headers['retry-after']),
              body,
            })
            request.destroy()
          })
        })
        request.on('error', reject)
        request.write('{"type": "text", "text": "')
      },
    )
    expect(refused.status).toBe(429)
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1)
    expect(JSON.parse(refused.body).error).toMatchObject({
      code: 'too_many_imports',
      message: expect.stringMatching(/^you may start 2 imports a minute; try again in \d+ s$/),
    })
    const other = await importer(running)
    const theirs = await other.user.api(`/api/briefings/${other.briefingId}/sources`, {
      method: 'POST',
      body: { type: 'text', text: 'The harbour reopened on Thursday.' },
    })
    expect(theirs.status).toBe(201)
  })

  it('[HI5] a malformed PDF is a 422 naming the file, never a 500', async () => {
    const running = await start()
    const { user, briefingId } = await importer(running)
    await expectRefusal(
      await upload(user, briefingId, 'broken.pdf', malformedPdf()),
      422,
      'unreadable',
      /^broken\.pdf is not a readable PDF \(page 1\): /,
    )
  })

  it('[HI6] an SSRF refusal through the route names no address the host resolved to', async () => {
    const running = await start()
    const { user, briefingId } = await importer(running)
    const refused = await user.api(`/api/briefings/${briefingId}/sources`, {
      method: 'POST',
      body: { type: 'url', url: 'http://localhost:9/admin' },
    })
    const body = (await refused.json()) as ErrorBody
    expect({ status: refused.status, code: body.error.code }).toEqual({
      status: 400,
      code: 'blocked_address',
    })
    expect(body.error.message).toBe(
      'Refused to fetch http://localhost:9/admin: localhost resolves to a private network address',
    )
  })
})
