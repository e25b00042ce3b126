/**
 * Fetching a source by URL without letting a user make the server reach places it should not
 * (SSRF): the cloud metadata endpoint, localhost services, the private network.
 *
 * - Only http and https.
 * - The address is checked when the connection is made, on the address actually dialled: our
 *   own `lookup` refuses a hostname resolving to any non-public address (addressPolicy), and
 *   request-filtering-agent's agent checks again underneath. An IP literal is refused before
 *   any request is built. Checking at connection time, not in a separate earlier resolve, is
 *   what defeats DNS rebinding.
 * - Redirects are followed by hand, at most `maxRedirects`, each hop going through the same
 *   checks (a public page redirecting to 169.254.169.254 is refused before connecting).
 * - One deadline covers the whole fetch, redirects and body included.
 * - The body is read as a stream and abandoned past `maxBytes` (counted after decompression,
 *   so a compressed bomb is cut off too); a declared Content-Length past it is refused unread.
 * - The content type must be one an importer reads.
 */

import dns from 'node:dns'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import type { Readable } from 'node:stream'
import zlib from 'node:zlib'
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent'
import { addressRefusal } from './addressPolicy'
import { SourceFetchError } from './errors'

/** Content types the importers read. */
export const FETCHABLE_CONTENT_TYPES: ReadonlySet<string> = new Set([
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
])

/** Limits and test seams of a fetch. */
export interface FetchUrlOptions {
  /**
   * Test-only: permits 127.0.0.1 and ::1, so tests can serve pages from a local server. No
   * other range opens. Never set in production; the server sets it only from
   * BRIEFING_ALLOW_LOOPBACK_FETCH=1.
   */
  allowLoopback?: boolean
  /** Deadline for the whole fetch. Default 15 s. */
  timeoutMs?: number
  /** Largest body accepted, after decompression. Default 5 MiB. */
  maxBytes?: number
  /** Default 5. */
  maxRedirects?: number
  /**
   * Resolver used instead of DNS. Tests point names at private addresses with it, so the
   * refusal is exercised without any packet leaving the machine.
   */
  lookup?: net.LookupFunction
}

/** The environment variable that lets a test deployment fetch from its own loopback server. */
export const ALLOW_LOOPBACK_ENV = 'BRIEFING_ALLOW_LOOPBACK_FETCH'

/**
 * Whether `env` opens loopback to fetches: only the exact value "1", so an accidental
 * "false" or "0" keeps it shut.
 */
export function loopbackAllowedBy(env: Readonly<Record<string, string | undefined>>): boolean {
  return env[ALLOW_LOOPBACK_ENV] === '1'
}

/** A fetched document. */
export interface FetchedResource {
  /** The final URL, after redirects. */
  url: string
  /** The media type, lower-cased, without parameters. */
  contentType: string
  charset: string | null
  bytes: Uint8Array
}

const DEFAULTS = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 }
const USER_AGENT = 'BriefingSourceImporter/0.1 (+https://github.com/briefing)'
const ACCEPT =
  'text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8,application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.8'

type Settings = Required<Omit<FetchUrlOptions, 'lookup'>> & Pick<FetchUrlOptions, 'lookup'>

/** Parses `raw` as an http(s) URL or refuses it. */
function httpUrl(raw: string): URL {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new SourceFetchError('bad-scheme', `"${raw}" is not a valid URL`, raw)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SourceFetchError(
      'bad-scheme',
      `Only http and https URLs can be fetched, not ${url.protocol.replace(/:$/, '')}: (${raw})`,
      raw,
    )
  }
  return url
}

/** Refuses an IP literal: the address is the user's own input, so naming its range tells nothing. */
function blockedLiteral(url: URL, address: string, reason: string): SourceFetchError {
  return new SourceFetchError(
    'blocked-address',
    `Refused to fetch ${url.href}: ${address} is ${reason}`,
    url.href,
  )
}

/**
 * Refuses a hostname that resolved to a non-public address. The message names neither the
 * address nor its range: either would make the importer a DNS oracle for the server's own
 * network (which internal names exist, and where they point).
 */
function blockedHost(url: URL): SourceFetchError {
  return new SourceFetchError(
    'blocked-address',
    `Refused to fetch ${url.href}: ${url.hostname} resolves to a private network address`,
    url.href,
  )
}

/** A lookup that refuses, at connection time, any resolved address that is not public. */
function guardedLookup(url: URL, settings: Settings): net.LookupFunction {
  const resolve = settings.lookup ?? (dns.lookup as unknown as net.LookupFunction)
  return (hostname, options, callback) => {
    resolve(hostname, options, (error, address, family) => {
      if (error) {
        callback(error, address, family)
        return
      }
      const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address]
      for (const candidate of addresses) {
        if (addressRefusal(candidate, settings.allowLoopback)) {
          callback(blockedHost(url) as NodeJS.ErrnoException, address, family)
          return
        }
      }
      callback(null, address, family)
    })
  }
}

/** Maps a request error to a SourceFetchError. */
function fetchError(error: unknown, url: URL, signal: AbortSignal): SourceFetchError {
  if (signal.aborted && signal.reason instanceof SourceFetchError) return signal.reason
  if (error instanceof SourceFetchError) return error
  const err = error as NodeJS.ErrnoException
  // request-filtering-agent's own refusal, should an address ever get past our lookup. Its
  // message names the address, so it is not passed on.
  if (/is not allowed/.test(err.message ?? '')) return blockedHost(url)
  const what =
    err.code === 'ENOTFOUND'
      ? `host ${url.hostname} not found`
      : err.code === 'ECONNREFUSED'
        ? 'connection refused'
        : (err.code ?? err.message)
  return new SourceFetchError('network', `Could not fetch ${url.href}: ${what}`, url.href)
}

/** Sends one GET and resolves with the response head. */
function requestOnce(
  url: URL,
  settings: Settings,
  signal: AbortSignal,
): Promise<http.IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (net.isIP(host)) {
    const reason = addressRefusal(host, settings.allowLoopback)
    if (reason) return Promise.reject(blockedLiteral(url, host, reason))
  }
  const filter = {
    allowIPAddressList: settings.allowLoopback ? ['127.0.0.1', '::1'] : [],
    keepAlive: false,
  }
  const secure = url.protocol === 'https:'
  const agent = secure
    ? new RequestFilteringHttpsAgent(filter)
    : new RequestFilteringHttpAgent(filter)
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(
      url,
      {
        agent,
        lookup: guardedLookup(url, settings),
        signal,
        headers: {
          'user-agent': USER_AGENT,
          accept: ACCEPT,
          'accept-encoding': 'gzip, deflate, br',
        },
      },
      resolve,
    )
    request.on('error', (error) => reject(fetchError(error, url, signal)))
    request.end()
  })
}

function decoded(response: http.IncomingMessage): Readable {
  switch ((response.headers['content-encoding'] ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return response.pipe(zlib.createGunzip())
    case 'deflate':
      return response.pipe(zlib.createInflate())
    case 'br':
      return response.pipe(zlib.createBrotliDecompress())
    default:
      return response
  }
}

async function readBody(
  response: http.IncomingMessage,
  url: URL,
  settings: Settings,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const tooLarge = () =>
    new SourceFetchError(
      'too-large',
      `${url.href} is larger than the ${Math.round(settings.maxBytes / 1024)} KiB limit for sources`,
      url.href,
    )
  const declared = Number(response.headers['content-length'])
  if (Number.isFinite(declared) && declared > settings.maxBytes) {
    response.destroy()
    throw tooLarge()
  }
  const chunks: Buffer[] = []
  let total = 0
  const body = decoded(response)
  try {
    for await (const chunk of body) {
      total += (chunk as Buffer).length
      if (total > settings.maxBytes) {
        response.destroy()
        body.destroy()
        throw tooLarge()
      }
      chunks.push(chunk as Buffer)
    }
  } catch (error) {
    throw error instanceof SourceFetchError ? error : fetchError(error, url, signal)
  }
  return new Uint8Array(Buffer.concat(chunks))
}

function mediaType(header: string | undefined): { type: string; charset: string | null } {
  const [type = '', ...params] = (header ?? '').split(';')
  const charset = params
    .map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1])
    .find((c): c is string => !!c)
  return { type: type.trim().toLowerCase(), charset: charset ?? null }
}

/** Fetches `rawUrl` under the SSRF rules above. Throws SourceFetchError. */
export async function fetchUrl(
  rawUrl: string,
  options: FetchUrlOptions = {},
): Promise<FetchedResource> {
  const settings: Settings = {
    allowLoopback: options.allowLoopback === true,
    timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
    maxBytes: options.maxBytes ?? DEFAULTS.maxBytes,
    maxRedirects: options.maxRedirects ?? DEFAULTS.maxRedirects,
    lookup: options.lookup,
  }
  let url = httpUrl(rawUrl)
  const controller = new AbortController()
  const timer = setTimeout(() => {
    controller.abort(
      new SourceFetchError(
        'timeout',
        `${url.href} did not answer within ${settings.timeoutMs / 1000} s`,
        url.href,
      ),
    )
  }, settings.timeoutMs)
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await requestOnce(url, settings, controller.signal)
      const status = response.statusCode ?? 0
      if (status >= 300 && status < 400 && status !== 304) {
        response.destroy()
        const location = response.headers.location
        if (!location) {
          throw new SourceFetchError(
            'http-status',
            `${url.href} answered HTTP ${status} without a Location`,
            url.href,
          )
        }
        if (redirects >= settings.maxRedirects) {
          throw new SourceFetchError(
            'too-many-redirects',
            `${rawUrl} redirected more than ${settings.maxRedirects} times`,
            url.href,
          )
        }
        url = httpUrl(new URL(location, url).href)
        continue
      }
      if (status < 200 || status >= 300) {
        response.destroy()
        throw new SourceFetchError('http-status', `${url.href} answered HTTP ${status}`, url.href)
      }
      const { type, charset } = mediaType(response.headers['content-type'])
      if (!FETCHABLE_CONTENT_TYPES.has(type)) {
        response.destroy()
        throw new SourceFetchError(
          'bad-content-type',
          `${url.href} is ${type ? `"${type}"` : 'of no declared type'}; sources must be HTML, plain text, PDF or DOCX`,
          url.href,
        )
      }
      const bytes = await readBody(response, url, settings, controller.signal)
      return { url: url.href, contentType: type, charset, bytes }
    }
  } finally {
    clearTimeout(timer)
  }
}
