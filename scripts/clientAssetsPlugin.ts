/**
 * A Vite plugin that finishes the built client for the server (server/http/staticClient.ts):
 * every text file gets brotli and gzip copies next to it (`x.js.br`, `x.js.gz`), made once
 * at build time at the highest levels, so the server never compresses per request; and
 * source maps go where `SOURCE_MAPS` says (`sourceMapMode`).
 */
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Plugin } from 'vite'

/**
 * `off` (default): no maps. `hidden`: maps written to `<outDir>/../sourcemaps`, outside what
 * the server serves and not named by the scripts (for an error tracker to read). `public`:
 * maps beside the scripts and named by them, so anyone's devtools can read the source.
 */
export type SourceMapMode = 'off' | 'hidden' | 'public'

const MODES: readonly SourceMapMode[] = ['off', 'hidden', 'public']

export function sourceMapMode(value: string | undefined): SourceMapMode {
  if (value === undefined || value === '') return 'off'
  if (!(MODES as readonly string[]).includes(value)) {
    throw new RangeError(`SOURCE_MAPS is "${value}"; expected one of ${MODES.join(', ')}`)
  }
  return value as SourceMapMode
}

/** Vite's `build.sourcemap` for a mode. */
export function viteSourceMap(mode: SourceMapMode): boolean | 'hidden' {
  return mode === 'off' ? false : mode === 'hidden' ? 'hidden' : true
}

/** Files worth compressing: text. Images and fonts here are already compressed or tiny. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|map|txt|xml|webmanifest)$/
/** Below this a compressed copy saves less than its own response headers cost. */
export const MIN_BYTES = 1024

const brotli = promisify(zlib.brotliCompress)
const gzip = promisify(zlib.gzip)

export function clientAssets(mode: SourceMapMode): Plugin {
  let outDir = ''
  return {
    name: 'briefing:client-assets',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    // After every file is on disk, the ones copied from public/ too.
    async closeBundle() {
      if (mode === 'hidden') moveSourceMaps(outDir, path.join(path.dirname(outDir), 'sourcemaps'))
      await Promise.all(filesUnder(outDir).filter(isCompressible).map(precompress))
    },
  }
}

function isCompressible(file: string): boolean {
  return COMPRESSIBLE.test(file) && fs.statSync(file).size >= MIN_BYTES
}

/** Writes `.br` and `.gz` beside `file`, each only if it is smaller than the file. */
async function precompress(file: string): Promise<void> {
  const body = fs.readFileSync(file)
  const [br, gz] = await Promise.all([
    brotli(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
    gzip(body, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ])
  if (br.length < body.length) fs.writeFileSync(`${file}.br`, br)
  if (gz.length < body.length) fs.writeFileSync(`${file}.gz`, gz)
}

function moveSourceMaps(outDir: string, mapsDir: string): void {
  fs.rmSync(mapsDir, { recursive: true, force: true })
  for (const file of filesUnder(outDir).filter((f) => f.endsWith('.map'))) {
    const target = path.join(mapsDir, path.relative(outDir, file))
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.renameSync(file, target)
  }
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}
