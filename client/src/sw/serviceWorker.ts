/**
 * The service worker (built to `/sw.js` by scripts/serviceWorkerPlugin.ts), so the app opens
 * without a network:
 * - the shell: at install it caches index.html and every file of its build (the plugin writes
 *   their names into PRECACHE below, so each build is a new worker). Pages are fetched from
 *   the network first, as the server's `no-cache` asks, and from the cache only when the
 *   network fails; hashed files under /assets/ never change, so the cache serves them first.
 *   An activated build deletes older builds' caches.
 * - reading offline: who is signed in, the list of briefings and each opened briefing's record
 *   still go to the network; the last good answer is kept and given only when the network
 *   fails. An answer of 401 (no session) empties that cache, a 403 or 404 drops the entry,
 *   and so does any sign-in, registration or sign-out passing through, so one person's list is
 *   never shown to another. Everything else (other API calls, the collaboration socket) is
 *   left to the network untouched.
 *
 * It imports nothing: a worker must stand alone, and a shared chunk would tie it to one build.
 */

/** What the plugin writes in: the build's id and the files to cache at install. */
interface Precache {
  version: string
  files: string[]
}

/** The parts of the service worker scope and its events used here (no WebWorker lib in tsc). */
interface WorkerScope {
  location: Location
  skipWaiting(): Promise<void>
  clients: { claim(): Promise<void> }
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void
}
interface ExtendableEvent {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEvent extends ExtendableEvent {
  request: Request
  respondWith(response: Promise<Response>): void
}

// Replaced with the build's manifest (a JSON string) by scripts/serviceWorkerPlugin.ts.
const PRECACHE = JSON.parse('BRIEFING_PRECACHE_MANIFEST') as Precache
const SHELL_CACHE = `shell-${PRECACHE.version}`
const READING_CACHE = 'reading-v1'
/** Answers kept for reading offline: the user, the list, a briefing's record. */
const KEPT_API = /^\/api\/(auth\/me|briefings|briefings\/[^/]+)$/
/** Requests after which the kept answers may belong to someone else. */
const SESSION_CHANGES = /^\/api\/auth\/(login|register|logout)$/

const scope = self as unknown as WorkerScope

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(['/index.html', ...PRECACHE.files]))
      .then(() => scope.skipWaiting()),
  )
})

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter((name) => name.startsWith('shell-') && name !== SHELL_CACHE)
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => scope.clients.claim()),
  )
})

scope.addEventListener('fetch', (event) => {
  const { request } = event
  const url = new URL(request.url)
  if (url.origin !== scope.location.origin) return
  if (request.method !== 'GET') {
    if (SESSION_CHANGES.test(url.pathname)) event.respondWith(forgettingReads(request))
    return
  }
  if (request.mode === 'navigate') event.respondWith(page(request))
  else if (url.pathname.startsWith('/assets/')) event.respondWith(hashedFile(request))
  else if (KEPT_API.test(url.pathname)) event.respondWith(keptAnswer(request))
})

async function page(request: Request): Promise<Response> {
  try {
    return await fetch(request)
  } catch (err) {
    const shell = await caches.match('/index.html', { cacheName: SHELL_CACHE })
    if (shell) return shell
    throw err
  }
}

async function hashedFile(request: Request): Promise<Response> {
  return (await caches.match(request, { cacheName: SHELL_CACHE })) ?? fetch(request)
}

async function keptAnswer(request: Request): Promise<Response> {
  const cache = await caches.open(READING_CACHE)
  let response: Response
  try {
    response = await fetch(request)
  } catch (err) {
    const kept = await cache.match(request)
    if (kept) return kept
    throw err
  }
  if (response.ok) await cache.put(request, response.clone())
  else if (response.status === 401) await caches.delete(READING_CACHE)
  else if (response.status === 403 || response.status === 404) await cache.delete(request)
  return response
}

async function forgettingReads(request: Request): Promise<Response> {
  const response = await fetch(request)
  await caches.delete(READING_CACHE)
  return response
}
