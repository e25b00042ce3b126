/**
 * The build's finishing step (scripts/clientAssetsPlugin.ts), run on a folder laid out as
 * `vite build` leaves it: compressed copies of text files only where they pay, and source
 * maps only where SOURCE_MAPS puts them. The real build is checked end to end by
 * tests/e2e/pageWeight.browser.test.ts.
 */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type { ResolvedConfig } from 'vite'
import { afterAll, describe, expect, it } from 'vitest'
import {
  clientAssets,
  type SourceMapMode,
  sourceMapMode,
  viteSourceMap,
} from '../../scripts/clientAssetsPlugin'
import { tempDir } from '../helpers/server'

const SCRIPT = `console.log(${JSON.stringify('briefing '.repeat(500))})\n`
const roots: string[] = []
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true })
})

/** A built client folder under a fresh root, finished by the plugin in `mode`. */
async function finish(mode: SourceMapMode): Promise<{ root: string; outDir: string }> {
  const root = tempDir('briefing-client-assets-')
  roots.push(root)
  const outDir = path.join(root, 'dist/client')
  fs.mkdirSync(path.join(outDir, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(outDir, 'assets/app-abc.js'), SCRIPT)
  fs.writeFileSync(
    path.join(outDir, 'assets/app-abc.js.map'),
    JSON.stringify({ sources: [SCRIPT] }),
  )
  fs.writeFileSync(path.join(outDir, 'index.html'), '<!doctype html><title>Briefing</title>')
  fs.writeFileSync(path.join(outDir, 'logo.png'), Buffer.alloc(4096, 7))
  const plugin = clientAssets(mode)
  const configResolved = plugin.configResolved as (config: ResolvedConfig) => void
  configResolved({ root, build: { outDir: 'dist/client' } } as ResolvedConfig)
  await (plugin.closeBundle as () => Promise<void>)()
  return { root, outDir }
}

describe('the built client, finished for the server', () => {
  it('writes brotli and gzip copies of text files that decode to the file', async () => {
    const { outDir } = await finish('off')
    const script = path.join(outDir, 'assets/app-abc.js')
    expect(zlib.brotliDecompressSync(fs.readFileSync(`${script}.br`)).toString()).toBe(SCRIPT)
    expect(zlib.gunzipSync(fs.readFileSync(`${script}.gz`)).toString()).toBe(SCRIPT)
    expect(fs.statSync(`${script}.br`).size).toBeLessThan(SCRIPT.length / 10)
  })

  it('leaves small files and images as they are', async () => {
    const { outDir } = await finish('off')
    const names = fs.readdirSync(outDir)
    expect(names).not.toContain('index.html.br')
    expect(names).not.toContain('logo.png.br')
    expect(names).not.toContain('logo.png.gz')
  })

  it('moves hidden source maps out of the served folder', async () => {
    const { root, outDir } = await finish('hidden')
    expect(fs.existsSync(path.join(outDir, 'assets/app-abc.js.map'))).toBe(false)
    expect(fs.existsSync(path.join(root, 'dist/sourcemaps/assets/app-abc.js.map'))).toBe(true)
  })

  it('serves public source maps beside the scripts', async () => {
    const { root, outDir } = await finish('public')
    expect(fs.existsSync(path.join(outDir, 'assets/app-abc.js.map'))).toBe(true)
    expect(fs.existsSync(path.join(root, 'dist/sourcemaps'))).toBe(false)
  })

  it('reads SOURCE_MAPS, off unless asked, and names a bad value', () => {
    expect(sourceMapMode(undefined)).toBe('off')
    expect(sourceMapMode('')).toBe('off')
    expect(sourceMapMode('hidden')).toBe('hidden')
    expect(sourceMapMode('public')).toBe('public')
    expect(() => sourceMapMode('true')).toThrow(/SOURCE_MAPS is "true"/)
    expect(viteSourceMap('off')).toBe(false)
    expect(viteSourceMap('hidden')).toBe('hidden')
    expect(viteSourceMap('public')).toBe(true)
  })
})
