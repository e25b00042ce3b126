/**
 * URL fetching under the SSRF rules. Refusals of non-public addresses are tested with IP
 * literals and with a stub resolver, where the refusal happens before any connection is made,
 * so no packet is ever sent to a non-loopback address. Only 127.0.0.1 serves real responses.
 */

import { readFileSync } from 'node:fs'
import type { LookupFunction } from 'node:net'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type FetchUrlOptions,
  fetchUrl,
  importSource,
  SourceFetchError,
  type SourceFetchErrorCode,
} from '../../server/sources'
import { fixturesDir } from './fixtureScoring'
import { endlessBody, startTestServer, type TestServer } from './testServer'

const ARTICLE = readFileSync(path.join(fixturesDir, 'grain-exports.html'))
const MiB = 1024 * 1024

/** A resolver answering from a table, as DNS would; unknown names fail like NXDOMAIN. */
function stubLookup(table: Record<string, string[]>): LookupFunction & { asked: string[] } {
  const asked: string[] = []
  const lookup = ((hostname, options, callback) => {
    asked.push(hostname)
    const addresses = (table[hostname] ?? []).map((address) => ({
      address,
      family: address.includes(':') ? 6 : 4,
    }))
    const first = addresses[0]
    if (!first) {
      callback(
        Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }),
        '',
        0,
      )
    } else if (options.all) callback(null, addresses)
    else callback(null, first.address, first.family)
  }) as LookupFunction & { asked: string[] }
  lookup.asked = asked
  return lookup
}

async function refusal(url: string, options: FetchUrlOptions = {}): Promise<SourceFetchError> {
  try {
    await fetchUrl(url, options)
  } catch (error) {
    if (error instanceof SourceFetchError) return error
    throw error
  }
  throw new Error(`${url} was fetched but should have been refused`)
}

async function expectRefused(
  url: string,
  code: SourceFetchErrorCode,
  message: RegExp,
  options: FetchUrlOptions = {},
): Promise<void> {
  const error = await refusal(url, options)
  expect(error.code).toBe(code)
  expect(error.message).toMatch(message)
}

let server: TestServer
const loopback: FetchUrlOptions = { allowLoopback: true }

beforeAll(async () => {
  server = await startTestServer({
    '/article': (_, res) =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE),
    '/article-gzip': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' })
        .end(gzipSync(ARTICLE)),
    '/to-metadata': (_, res) =>
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/to-private': (_, res) => res.writeHead(301, { location: 'http://10.0.0.1/admin' }).end(),
    '/to-intranet': (_, res) => res.writeHead(307, { location: 'http://intranet.test/' }).end(),
    '/to-mapped': (_, res) => res.writeHead(302, { location: 'http://[::ffff:127.0.0.1]/' }).end(),
    '/to-file': (_, res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/to-article': (_, res) => res.writeHead(303, { location: '/article' }).end(),
    '/loop': (_, res) => res.writeHead(302, { location: '/loop' }).end(),
    '/chain': (req, res) => {
      const left = Number(new URL(req.url ?? '', 'http://x').searchParams.get('left'))
      res.writeHead(302, { location: left > 0 ? `/chain?left=${left - 1}` : '/article' }).end()
    },
    '/declared-huge': (_, res) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': String(6 * MiB) })
      res.write('<html>')
    },
    '/endless': (_, res) => endlessBody(res, 'text/plain'),
    '/gzip-bomb': (_, res) =>
      res
        .writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' })
        .end(gzipSync(Buffer.alloc(20 * MiB, 'a'))),
    '/image': (_, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(10)),
    '/untyped': (_, res) => res.end('who knows'),
    '/hang': () => {
      // Never answers: the fetch must give up on its own deadline.
    },
    '/gone': (_, res) => res.writeHead(410, { 'content-type': 'text/plain' }).end('gone'),
  })
})

afterAll(() => server.close())

describe('fetchUrl: addresses', () => {
  it('refuses loopback unless the test-only allowLoopback is set', async () => {
    await expectRefused(
      server.url('/article'),
      'blocked-address',
      /127\.0\.0\.1 is a loopback address/,
    )
    const fetched = await fetchUrl(server.url('/article'), loopback)
    expect(fetched.contentType).toBe('text/html')
    expect(Buffer.from(fetched.bytes).equals(ARTICLE)).toBe(true)
  })

  it('refuses a hostname that resolves to loopback (localhost)', async () => {
    await expectRefused(
      server.url('/article').replace('127.0.0.1', 'localhost'),
      'blocked-address',
      /localhost resolves to a private network address/,
    )
  })

  it.each([
    ['http://10.0.0.1/', /10\.0\.0\.1 is a private network address/],
    ['http://172.16.5.4/', /private network/],
    ['http://192.168.1.1:8080/router', /private network/],
    ['http://169.254.169.254/latest/meta-data/', /link-local address \(cloud metadata/],
    ['http://100.64.0.1/', /carrier-grade NAT/],
    ['http://0.0.0.0/', /"this network"/],
    ['http://224.0.0.251/', /multicast/],
    ['http://240.1.2.3/', /reserved/],
    ['http://[fd00::1]/', /unique-local/],
    ['http://[fe80::1]/', /link-local/],
    ['http://[::ffff:127.0.0.1]/', /IPv4-mapped IPv6/],
    ['http://[::ffff:7f00:1]/', /IPv4-mapped IPv6/],
    ['http://[::ffff:10.0.0.1]/', /IPv4-mapped IPv6/],
    ['http://[::ffff:a9fe:a9fe]/', /IPv4-mapped IPv6/],
    ['http://[64:ff9b::a00:1]/', /NAT64/],
  ])(
    'refuses the literal address in %s before connecting, even with allowLoopback',
    async (url, message) => {
      await expectRefused(url, 'blocked-address', message, loopback)
    },
  )

  it.each([
    ['http://[::1]/', /::1 is a loopback address/],
    ['http://2130706433/', /127\.0\.0\.1 is a loopback address/],
    ['http://0x7f.0.0.1/', /127\.0\.0\.1 is a loopback address/],
    ['http://127.1/', /127\.0\.0\.1 is a loopback address/],
  ])('refuses loopback in any spelling by default: %s', async (url, message) => {
    await expectRefused(url, 'blocked-address', message)
  })

  it('checks the address a hostname resolves to, when connecting', async () => {
    const lookup = stubLookup({
      'intranet.test': ['10.0.0.1'],
      'metadata.test': ['169.254.169.254'],
      'mapped.test': ['::ffff:127.0.0.1'],
      // One good answer does not excuse a bad one: the connection could use either.
      'mixed.test': ['127.0.0.1', '10.0.0.1'],
    })
    const options = { ...loopback, lookup }
    for (const host of ['intranet', 'metadata', 'mapped', 'mixed']) {
      await expectRefused(
        `http://${host}.test/`,
        'blocked-address',
        new RegExp(`${host}\\.test resolves to a private network address`),
        options,
      )
    }
    expect(lookup.asked).toEqual(['intranet.test', 'metadata.test', 'mapped.test', 'mixed.test'])
  })

  it('[SSRF10] names no address a hostname resolved to, nor its range (no DNS oracle)', async () => {
    const resolved: Record<string, string[]> = {
      'a.test': ['10.1.2.3'],
      'b.test': ['172.20.0.9'],
      'c.test': ['192.168.77.1'],
      'd.test': ['169.254.169.254'],
      'e.test': ['127.0.0.53'],
      'f.test': ['fd12:3456::7'],
      'g.test': ['::ffff:10.9.8.7'],
      'h.test': ['100.64.3.4'],
    }
    const lookup = stubLookup(resolved)
    const messages = new Set<string>()
    for (const [host, addresses] of Object.entries(resolved)) {
      const error = await refusal(`http://${host}/path`, { lookup })
      expect(error.code).toBe('blocked-address')
      for (const address of addresses) expect(error.message).not.toContain(address)
      expect(error.message).not.toMatch(/loopback|link-local|unique-local|metadata|NAT|mapped/i)
      messages.add(error.message.replaceAll(host, 'HOST'))
    }
    // Every refusal reads the same apart from the host: nothing tells the ranges apart.
    expect([...messages]).toEqual([
      'Refused to fetch http://HOST/path: HOST resolves to a private network address',
    ])
  })

  it('connects through the resolver when the address is allowed', async () => {
    const port = new URL(server.url('/')).port
    const lookup = stubLookup({ 'news.test': ['127.0.0.1'] })
    const fetched = await fetchUrl(`http://news.test:${port}/article`, { ...loopback, lookup })
    expect(fetched.url).toBe(`http://news.test:${port}/article`)
    await expectRefused(
      `http://news.test:${port}/article`,
      'blocked-address',
      /news\.test resolves to a private network address/,
      {
        lookup,
      },
    )
  })

  it('reports an unknown host as a network error', async () => {
    await expectRefused('http://nowhere.test/', 'network', /host nowhere\.test not found/, {
      lookup: stubLookup({}),
    })
  })
})

describe('fetchUrl: redirects', () => {
  it('follows a relative redirect and reports the final URL', async () => {
    const fetched = await fetchUrl(server.url('/to-article'), loopback)
    expect(fetched.url).toBe(server.url('/article'))
  })

  it.each([
    ['/to-metadata', 'blocked-address', /169\.254\.169\.254 is a link-local address/],
    ['/to-private', 'blocked-address', /10\.0\.0\.1 is a private network address/],
    ['/to-mapped', 'blocked-address', /IPv4-mapped IPv6/],
    ['/to-intranet', 'blocked-address', /intranet\.test resolves to a private network address/],
    ['/to-file', 'bad-scheme', /not file/],
  ] as const)('re-checks every hop: %s is refused', async (route, code, message) => {
    await expectRefused(server.url(route), code, message, {
      ...loopback,
      lookup: stubLookup({ 'intranet.test': ['10.0.0.1'] }),
    })
  })

  it('follows at most five redirects', async () => {
    await expect(fetchUrl(server.url('/chain?left=4'), loopback)).resolves.toMatchObject({
      url: server.url('/article'),
    })
    await expectRefused(
      server.url('/chain?left=5'),
      'too-many-redirects',
      /more than 5 times/,
      loopback,
    )
    await expectRefused(server.url('/loop'), 'too-many-redirects', /more than 5 times/, loopback)
  })
})

describe('fetchUrl: responses', () => {
  it.each([
    'file:///etc/passwd',
    'ftp://example.com/a.txt',
    'javascript:alert(1)',
    'data:text/html,hi',
    'gopher://x/',
  ])('refuses the scheme of %s', async (url) => {
    await expectRefused(url, 'bad-scheme', /Only http and https/)
  })

  it('refuses something that is not a URL', async () => {
    await expectRefused('not a url', 'bad-scheme', /"not a url" is not a valid URL/)
  })

  it('refuses a body declared larger than 5 MiB without reading it', async () => {
    await expectRefused(
      server.url('/declared-huge'),
      'too-large',
      /larger than the 5120 KiB limit/,
      loopback,
    )
  })

  it('stops reading a streamed body at the limit', async () => {
    await expectRefused(
      server.url('/endless'),
      'too-large',
      /larger than the 5120 KiB limit/,
      loopback,
    )
  })

  it('counts the limit after decompression', async () => {
    await expectRefused(server.url('/gzip-bomb'), 'too-large', /limit/, loopback)
    const fetched = await fetchUrl(server.url('/article-gzip'), loopback)
    expect(Buffer.from(fetched.bytes).equals(ARTICLE)).toBe(true)
  })

  it('refuses content types no importer reads', async () => {
    await expectRefused(
      server.url('/image'),
      'bad-content-type',
      /"image\/png"; sources must be HTML/,
      loopback,
    )
    await expectRefused(server.url('/untyped'), 'bad-content-type', /of no declared type/, loopback)
  })

  it('gives up at the deadline', async () => {
    await expectRefused(server.url('/hang'), 'timeout', /did not answer within 0\.2 s/, {
      ...loopback,
      timeoutMs: 200,
    })
  })

  it('reports an error status', async () => {
    await expectRefused(server.url('/gone'), 'http-status', /answered HTTP 410/, loopback)
  })
})

describe('importSource from a URL', () => {
  it('imports a fetched page with its metadata and quotes', async () => {
    const result = await importSource(
      { type: 'url', url: server.url('/to-article') },
      { fetch: loopback },
    )
    expect(result.title).toBe('Grain deal extension hangs on insurance guarantees')
    expect(result.url).toBe('https://harborledger.example/world/2026/10/19/grain-deal-insurance')
    expect(result.quotes.find((q) => q.text.startsWith('Nobody is going'))?.speaker).toBe(
      'Henrik Dalby',
    )
  })

  it('refuses by default, without the test-only option', async () => {
    await expect(importSource({ type: 'url', url: server.url('/article') })).rejects.toMatchObject({
      code: 'blocked-address',
    })
  })
})
