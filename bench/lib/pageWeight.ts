/**
 * What a browser downloads to show a page, measured in real Chromium with an empty cache:
 * every response until the page is ready and the network has been quiet, with its size on
 * the wire (encoded body plus headers), grouped by kind. Shared by the bench's page-weight
 * scenario and the budget test (tests/e2e/pageWeight.browser.test.ts), so the number the
 * budget holds is the number BENCHMARKS.md reports.
 */
import type { Browser, Page, Request } from 'playwright-core'

/** Initial JavaScript transfer each page may cost (issue 18), in bytes (1 KB = 1,000 B). */
export const PAGE_BUDGETS = { list: 100_000, editor: 250_000 } as const

export type PageName = keyof typeof PAGE_BUDGETS

export interface Transfer {
  url: string
  kind: string
  /** Bytes on the wire: encoded body plus response headers. */
  bytes: number
  /** Bytes after decoding. */
  decodedBytes: number
  encoding: string | null
}

export interface PageWeight {
  page: PageName
  path: string
  /** Initial JavaScript: every script fetched before the page settled. */
  scriptBytes: number
  scriptDecodedBytes: number
  styleBytes: number
  totalBytes: number
  transfers: Transfer[]
}

export interface PageToWeigh {
  page: PageName
  path: string
  /** Resolves once the page shows what it is for (the list, an editable document). */
  ready(page: Page): Promise<void>
}

/** The list page and one briefing's editor, as a signed-in user sees them. */
export function briefingPages(briefingId: string): PageToWeigh[] {
  return [
    {
      page: 'list',
      path: '/',
      ready: (page) => page.getByRole('list', { name: 'Briefings' }).waitFor(),
    },
    {
      page: 'editor',
      path: `/b/${briefingId}`,
      ready: async (page) => {
        await page.locator('.ProseMirror[contenteditable="true"]').waitFor()
        // On a screen this wide the sources panel opens beside the text, so its code is
        // part of what the page needs at once.
        await page.getByRole('complementary', { name: 'Sources' }).waitFor()
      },
    },
  ]
}

/**
 * Loads `target` in a fresh context (empty cache) signed in with `cookie`, at the desktop
 * size the browser tests use, and sums what came over the network.
 */
export async function weighPage(
  browser: Browser,
  baseUrl: string,
  cookie: string,
  target: PageToWeigh,
): Promise<PageWeight> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 800 },
    // What the page itself loads. The offline service worker, once installed, answers the
    // page's later requests from its cache (a lazy chunk then counted 0 bytes, depending on
    // when it activated) and fetches the whole build for offline use after the page loaded.
    serviceWorkers: 'block',
  })
  try {
    context.setDefaultTimeout(60_000)
    const eq = cookie.indexOf('=')
    await context.addCookies([
      { name: cookie.slice(0, eq), value: cookie.slice(eq + 1), url: baseUrl },
    ])
    const page = await context.newPage()
    const pending: Promise<Transfer | null>[] = []
    page.on('requestfinished', (request) => pending.push(transferOf(request)))
    await page.goto(target.path)
    await target.ready(page)
    // Chunks a page loads right after it renders (the sources panel) still count.
    await page.waitForLoadState('networkidle')
    const transfers = (await Promise.all(pending)).filter((t): t is Transfer => t !== null)
    const sum = (kind: string, field: 'bytes' | 'decodedBytes' = 'bytes') =>
      transfers.filter((t) => t.kind === kind).reduce((total, t) => total + t[field], 0)
    return {
      page: target.page,
      path: target.path,
      scriptBytes: sum('script'),
      scriptDecodedBytes: sum('script', 'decodedBytes'),
      styleBytes: sum('stylesheet'),
      totalBytes: transfers.reduce((total, t) => total + t.bytes, 0),
      transfers,
    }
  } finally {
    await context.close()
  }
}

async function transferOf(request: Request): Promise<Transfer | null> {
  const response = await request.response()
  if (!response) return null
  const [sizes, body] = await Promise.all([request.sizes(), response.body().catch(() => null)])
  return {
    url: new URL(request.url()).pathname,
    kind: request.resourceType(),
    bytes: sizes.responseBodySize + sizes.responseHeadersSize,
    decodedBytes: body?.length ?? 0,
    encoding: (await response.headerValue('content-encoding')) ?? null,
  }
}
