/**
 * The page-weight budget (issue 18): the JavaScript a browser downloads, empty cache, to show
 * the list page and the editor, measured in real Chromium against the client built from the
 * current sources as `npm run build` builds it and served as in production. It fails when a
 * change pushes either page past its budget (bench/lib/pageWeight.ts), and checks the build
 * the budget rests on: brotli on the wire, no source maps served or named.
 *
 * It builds its own client: the shared test build (globalSetup.ts) runs under vitest's
 * NODE_ENV=test, which bundles React's development build, half as big again as what ships.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildClient } from '../../bench/lib/buildClient'
import { briefingPages, PAGE_BUDGETS, type PageWeight, weighPage } from '../../bench/lib/pageWeight'
import { MIN_BYTES } from '../../scripts/clientAssetsPlugin'
import { startTestServer, type TestServer, tempDir } from '../helpers/server'
import { createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { launchChromium } from './browser'

describe('page weight in the browser', () => {
  let browser: Browser
  let server: TestServer
  let user: TestUser
  let weights: PageWeight[]
  let clientDir: string

  beforeAll(async () => {
    clientDir = path.join(tempDir('briefing-page-weight-'), 'client')
    buildClient(clientDir)
    browser = await launchChromium()
    server = await startTestServer({ clientDir })
    user = await signUp(server.url, { name: 'Page Weigher' })
    const briefingId = await createBriefingAs(user, 'Weighed briefing')
    weights = []
    for (const target of briefingPages(briefingId)) {
      weights.push(await weighPage(browser, server.url, user.cookie, target))
    }
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
    if (clientDir) fs.rmSync(path.dirname(clientDir), { recursive: true, force: true })
  })

  it('keeps each page within its JavaScript budget', () => {
    const report = weights.map((w) => ({
      page: w.page,
      scriptBytes: w.scriptBytes,
      budget: PAGE_BUDGETS[w.page],
      scripts: w.transfers.filter((t) => t.kind === 'script').map((t) => `${t.url} ${t.bytes}`),
    }))
    for (const w of report) {
      // A page that loaded no script at all measured nothing.
      expect(w.scripts.length, JSON.stringify(report)).toBeGreaterThan(0)
      expect(w.scriptBytes, JSON.stringify(report)).toBeLessThanOrEqual(w.budget)
    }
  })

  it('gets every script and style brotli-compressed, as Chromium asks for it', () => {
    for (const w of weights) {
      for (const t of w.transfers.filter((t) => t.kind === 'script' || t.kind === 'stylesheet')) {
        // The build compresses files of MIN_BYTES or more: below that, a compressed copy saves
        // less than its response headers cost (a small shared chunk, say).
        if (t.decodedBytes < MIN_BYTES) continue
        expect(t.encoding, t.url).toBe('br')
        expect(t.bytes, t.url).toBeLessThan(t.decodedBytes)
      }
    }
  })

  it('ships no source maps and names none', () => {
    const files = fs.readdirSync(clientDir, { recursive: true }).map(String)
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([])
    for (const file of files.filter((f) => f.endsWith('.js'))) {
      expect(fs.readFileSync(path.join(clientDir, file), 'utf8'), file).not.toMatch(
        /sourceMappingURL/,
      )
    }
  })
})
