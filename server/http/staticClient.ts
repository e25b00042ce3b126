/**
 * Serves the built client (`vite build`, see scripts/clientAssetsPlugin.ts): each file in
 * the brotli or gzip copy made at build time when the request accepts one, never compressed
 * per request. Files under `assets/` carry a content hash in their names, so they are cached
 * for a year and never revalidated; everything else (index.html above all, which names the
 * current hashes) is revalidated on every use. Client-side routes get index.html.
 *
 * The folder is read once, when the app is made: a deploy replaces the build and restarts
 * the server, and the ETags (content hashes) then match on every instance of one build.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import express, { type Request, type Response } from 'express'
import { type Coding, chooseCoding } from './acceptEncoding'
import { HttpError } from './errors'

/** Vite's `build.assetsDir`: every name in it is content-hashed. */
const HASHED_DIR = 'assets/'
export const IMMUTABLE = 'public, max-age=31536000, immutable'
export const REVALIDATE = 'no-cache'

const CODING_SUFFIX: Record<Coding, string> = { br: '.br', gzip: '.gz' }

/** One servable file and its precompressed copies. */
interface ClientFile {
  /** Extension for Content-Type, from the uncompressed name. */
  type: string
  cacheControl: string
  /** Path on disk and strong ETag of each representation. */
  bodies: Partial<Record<Coding | 'identity', { file: string; etag: string }>>
  codings: Coding[]
}

export function staticClient(clientDir: string): express.Router {
  const files = readClientDir(clientDir)
  const index = files.get('/index.html')
  if (!index) throw new RangeError(`${clientDir} has no index.html`)
  const router = express.Router()

  router.get(/.*/, (req, res, next) => {
    const file = files.get(req.path)
    if (file && req.path !== '/index.html') return sendClientFile(req, res, next, file)
    // A missing hashed file is an old page asking for its build's code after a deploy: it
    // must fail as a script, not run index.html as one.
    if (req.path.startsWith(`/${HASHED_DIR}`)) {
      return next(new HttpError(404, 'not_found', `no client file ${req.path}`))
    }
    // Client-side routes (/b/:id, /invite/:token) all load the single-page app.
    if (/^\/(api|collab)(\/|$)/.test(req.path)) return next()
    sendClientFile(req, res, next, index)
  })
  return router
}

function sendClientFile(
  req: Request,
  res: Response,
  next: express.NextFunction,
  file: ClientFile,
): void {
  const coding = chooseCoding(req.headers['accept-encoding'], file.codings)
  const body = file.bodies[coding]!
  res.vary('Accept-Encoding')
  res.type(file.type)
  res.setHeader('Cache-Control', file.cacheControl)
  res.setHeader('ETag', body.etag)
  if (coding !== 'identity') res.setHeader('Content-Encoding', coding)
  // The content hash is the one validator: modification times differ between instances.
  // Dot files were left out when the folder was read; `allow` only stops a dot in the
  // folder's own path (a checkout under ~/.cache) from hiding every file.
  res.sendFile(body.file, { lastModified: false, dotfiles: 'allow' }, (err) => {
    if (err && !res.headersSent) next(err)
  })
}

/** Every file under `dir` by URL path, with the copies the build made beside it. */
function readClientDir(dir: string): Map<string, ClientFile> {
  const root = path.resolve(dir)
  const onDisk = fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.'))
    .map((entry) => path.join(entry.parentPath, entry.name))
  const present = new Set(onDisk)
  const files = new Map<string, ClientFile>()
  for (const file of onDisk) {
    const copyOf = Object.values(CODING_SUFFIX).find((suffix) => file.endsWith(suffix))
    // A copy is served in place of its file, never under a URL of its own.
    if (copyOf && present.has(file.slice(0, -copyOf.length))) continue
    const relative = path.relative(root, file).split(path.sep).join('/')
    const codings = (Object.keys(CODING_SUFFIX) as Coding[]).filter((coding) =>
      present.has(file + CODING_SUFFIX[coding]),
    )
    const bodies: ClientFile['bodies'] = { identity: { file, etag: etagOf(file, 'identity') } }
    for (const coding of codings) {
      const copy = file + CODING_SUFFIX[coding]
      bodies[coding] = { file: copy, etag: etagOf(copy, coding) }
    }
    files.set(`/${relative}`, {
      type: path.extname(file) || 'application/octet-stream',
      cacheControl: relative.startsWith(HASHED_DIR) ? IMMUTABLE : REVALIDATE,
      bodies,
      codings,
    })
  }
  return files
}

/** A strong ETag from the bytes sent, so each coding of a file has its own. */
function etagOf(file: string, coding: string): string {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('base64url')
  return `"${hash.slice(0, 27)}-${coding}"`
}
