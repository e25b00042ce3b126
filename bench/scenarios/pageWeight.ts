/**
 * Page weight (issue 18, item 1): the JavaScript, styles and total a browser downloads with
 * an empty cache to show the list page and the editor (sources panel open, as on a desktop
 * screen), measured in real Chromium against the product server (server/main.ts) serving a
 * production build. Bytes are what came over the wire: encoded bodies plus headers.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { createBriefingAs, signUp } from '../../tests/helpers/users'
import { buildClient } from '../lib/buildClient'
import { briefingPages, PAGE_BUDGETS, type PageName, weighPage } from '../lib/pageWeight'
import { startServer } from '../lib/processes'
import { CHROMIUM_PATH } from '../workers/exporter'

export interface PageWeightPoint {
  page: PageName
  budgetBytes: number
  scriptBytes: number
  /** The same scripts decoded (what the browser parses). */
  scriptDecodedBytes: number
  styleBytes: number
  totalBytes: number
  requests: number
  /** Each script: path without the hash's noise, bytes on the wire, coding. */
  scripts: { url: string; bytes: number; encoding: string | null }[]
}

export interface PageWeightResult {
  points: PageWeightPoint[]
}

export async function pageWeight(log: (line: string) => void): Promise<PageWeightResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-page-weight-'))
  const clientDir = path.join(root, 'client')
  buildClient(clientDir)
  const server = await startServer({
    kind: 'briefing',
    productEntry: true,
    dataDir: path.join(root, 'data'),
    env: { CLIENT_DIR: clientDir },
  })
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  })
  try {
    const user = await signUp(server.httpUrl, { name: 'Page Weigher' })
    const briefingId = await createBriefingAs(user, 'Weighed briefing')
    const points: PageWeightPoint[] = []
    for (const target of briefingPages(briefingId)) {
      const w = await weighPage(browser, server.httpUrl, user.cookie, target)
      const scripts = w.transfers.filter((t) => t.kind === 'script')
      log(
        `  ${w.page}: ${w.scriptBytes} B of JavaScript in ${scripts.length} files (${w.scriptDecodedBytes} B decoded), budget ${PAGE_BUDGETS[w.page]}`,
      )
      points.push({
        page: w.page,
        budgetBytes: PAGE_BUDGETS[w.page],
        scriptBytes: w.scriptBytes,
        scriptDecodedBytes: w.scriptDecodedBytes,
        styleBytes: w.styleBytes,
        totalBytes: w.totalBytes,
        requests: w.transfers.length,
        scripts: scripts.map(({ url, bytes, encoding }) => ({ url, bytes, encoding })),
      })
    }
    return { points }
  } finally {
    await browser.close()
    await server.stop()
    fs.rmSync(root, { recursive: true, force: true })
  }
}
