/**
 * Serving the built client (server/http/staticClient.ts) from a real server: the copy the
 * build compressed when the request accepts it, year-long caching for hashed files only,
 * revalidation by ETag, index.html for client routes. The folder is made here, in the shape
 * `vite build` leaves (tests/e2e/pageWeight.browser.test.ts checks the real build).
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IMMUTABLE, REVALIDATE } from '../../server/http/staticClient'
import { startTestServer, type TestServer, tempDir } from '../helpers/server'

const SCRIPT = `export const words = ${JSON.stringify('briefing '.repeat(2000))};\n`
const INDEX =
  '<!doctype html><title>Briefing</title><script type="module" src="/assets/app-abc123.js"></script>'

interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

/** One request without any decoding, so the test sees the bytes on the wire. */
function get(
  url: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    http
      .request(url, { method, headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        )
        res.on('error', reject)
      })
      .on('error', reject)
      .end()
  })
}

describe('the built client over HTTP', () => {
  let server: TestServer
  let clientDir: string

  beforeAll(async () => {
    clientDir = path.join(tempDir('briefing-static-'), 'client')
    fs.mkdirSync(path.join(clientDir, 'assets'), { recursive: true })
    const script = path.join(clientDir, 'assets/app-abc123.js')
    fs.writeFileSync(script, SCRIPT)
    fs.writeFileSync(`${script}.br`, zlib.brotliCompressSync(SCRIPT))
    fs.writeFileSync(`${script}.gz`, zlib.gzipSync(SCRIPT))
    // Only a gzip copy: the server must not claim a brotli one it does not have.
    const style = path.join(clientDir, 'assets/app-def456.css')
    fs.writeFileSync(style, `body{color:black}${' '.repeat(2000)}`)
    fs.writeFileSync(`${style}.gz`, zlib.gzipSync(fs.readFileSync(style)))
    fs.writeFileSync(path.join(clientDir, 'index.html'), INDEX)
    fs.writeFileSync(
      path.join(clientDir, 'favicon.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg"/>',
    )
    fs.writeFileSync(path.join(clientDir, '.env'), 'SECRET=1')
    server = await startTestServer({ clientDir })
  })

  afterAll(async () => {
    await server?.close()
    if (clientDir) fs.rmSync(path.dirname(clientDir), { recursive: true, force: true })
  })

  it('sends the brotli copy to a browser, which lists gzip first', async () => {
    const res = await get(`${server.url}/assets/app-abc123.js`, {
      'accept-encoding': 'gzip, deflate, br, zstd',
    })
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(res.headers['content-type']).toMatch(/^text\/javascript/)
    expect(res.headers.vary).toMatch(/Accept-Encoding/i)
    expect(Number(res.headers['content-length'])).toBe(res.body.length)
    expect(res.body.length).toBeLessThan(SCRIPT.length / 10)
    expect(zlib.brotliDecompressSync(res.body).toString()).toBe(SCRIPT)
  })

  it('sends the gzip copy to a client that takes only gzip', async () => {
    const res = await get(`${server.url}/assets/app-abc123.js`, { 'accept-encoding': 'gzip' })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.headers.vary).toMatch(/Accept-Encoding/i)
    expect(zlib.gunzipSync(res.body).toString()).toBe(SCRIPT)
  })

  it('sends the file itself without Accept-Encoding, or when the client refuses the copies', async () => {
    const variants: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'identity' },
      { 'accept-encoding': 'br;q=0, gzip;q=0' },
    ]
    for (const headers of variants) {
      const res = await get(`${server.url}/assets/app-abc123.js`, headers)
      expect(res.status).toBe(200)
      expect(res.headers['content-encoding']).toBeUndefined()
      expect(res.headers.vary).toMatch(/Accept-Encoding/i)
      expect(res.body.toString()).toBe(SCRIPT)
    }
  })

  it('offers only the copies a file has', async () => {
    const res = await get(`${server.url}/assets/app-def456.css`, { 'accept-encoding': 'br, gzip' })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.headers['content-type']).toMatch(/^text\/css/)
    const brOnly = await get(`${server.url}/assets/app-def456.css`, { 'accept-encoding': 'br' })
    expect(brOnly.headers['content-encoding']).toBeUndefined()
  })

  it('[HDR1] a hashed asset carries the headers that apply to a script; a page, all of them', async () => {
    const script = await get(`${server.url}/assets/app-abc123.js`, { 'accept-encoding': 'br' })
    expect(script.headers['x-content-type-options']).toBe('nosniff')
    expect(script.headers['cross-origin-resource-policy']).toBe('same-origin')
    for (const documentOnly of [
      'content-security-policy',
      'x-frame-options',
      'cross-origin-opener-policy',
      'origin-agent-cluster',
      'referrer-policy',
      'strict-transport-security',
      'x-dns-prefetch-control',
      'x-download-options',
      'x-permitted-cross-domain-policies',
      'x-xss-protection',
    ]) {
      expect(script.headers[documentOnly], documentOnly).toBeUndefined()
    }
    const page = await get(`${server.url}/`)
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/)
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(page.headers['strict-transport-security']).toMatch(/max-age=/)
    expect(page.headers['referrer-policy']).toBe('no-referrer')
    expect(page.headers['x-content-type-options']).toBe('nosniff')
  })

  it('caches hashed files for a year without revalidating, and nothing else', async () => {
    const script = await get(`${server.url}/assets/app-abc123.js`, { 'accept-encoding': 'br' })
    expect(script.headers['cache-control']).toBe(IMMUTABLE)
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable')
    for (const url of ['/', '/index.html', '/b/some-briefing', '/favicon.svg']) {
      const res = await get(`${server.url}${url}`, { 'accept-encoding': 'br' })
      expect(res.status, url).toBe(200)
      expect(res.headers['cache-control'], url).toBe(REVALIDATE)
      expect(REVALIDATE).toBe('no-cache')
    }
  })

  it('answers 304 to a matching ETag, per coding, and 200 to a stale one', async () => {
    const br = await get(`${server.url}/assets/app-abc123.js`, { 'accept-encoding': 'br' })
    const gz = await get(`${server.url}/assets/app-abc123.js`, { 'accept-encoding': 'gzip' })
    const plain = await get(`${server.url}/assets/app-abc123.js`)
    const tags = [br, gz, plain].map((res) => res.headers.etag)
    expect(new Set(tags).size).toBe(3)
    for (const tag of tags) expect(tag).toMatch(/^"[^"]+"$/)

    const fresh = await get(`${server.url}/assets/app-abc123.js`, {
      'accept-encoding': 'br',
      'if-none-match': br.headers.etag!,
    })
    expect(fresh.status).toBe(304)
    expect(fresh.body.length).toBe(0)
    expect(fresh.headers.etag).toBe(br.headers.etag)
    // The brotli copy's tag does not validate the gzip copy.
    const otherCoding = await get(`${server.url}/assets/app-abc123.js`, {
      'accept-encoding': 'gzip',
      'if-none-match': br.headers.etag!,
    })
    expect(otherCoding.status).toBe(200)
    expect(otherCoding.headers['content-encoding']).toBe('gzip')
    const stale = await get(`${server.url}/`, { 'if-none-match': '"old-build"' })
    expect(stale.status).toBe(200)
    expect(stale.body.toString()).toBe(INDEX)
    const index = await get(`${server.url}/b/abc`, { 'if-none-match': stale.headers.etag! })
    expect(index.status).toBe(304)
  })

  it('answers HEAD with the headers and no body', async () => {
    const res = await get(`${server.url}/assets/app-abc123.js`, { 'accept-encoding': 'br' }, 'HEAD')
    expect(res.status).toBe(200)
    expect(res.headers['content-encoding']).toBe('br')
    expect(Number(res.headers['content-length'])).toBeGreaterThan(0)
    expect(res.body.length).toBe(0)
  })

  it('answers 404 for a hashed file that is not there, not index.html', async () => {
    const res = await get(`${server.url}/assets/app-old999.js`, { 'accept-encoding': 'br' })
    expect(res.status).toBe(404)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
    expect(JSON.parse(res.body.toString())).toMatchObject({ error: { code: 'not_found' } })
  })

  it('serves neither the compressed copies under their own names nor dot files', async () => {
    const copy = await get(`${server.url}/assets/app-abc123.js.br`)
    expect(copy.status).toBe(404)
    const dot = await get(`${server.url}/.env`)
    expect(dot.body.toString()).not.toContain('SECRET')
    expect(dot.body.toString()).toBe(INDEX)
  })

  it('leaves unknown API routes to the API', async () => {
    const res = await get(`${server.url}/api/nothing-here`)
    expect(res.status).toBe(404)
    expect(res.headers['content-type']).toMatch(/^application\/json/)
  })
})
