/**
 * Real-browser helpers for end-to-end tests: a built client, headless Chromium, and pages
 * signed in as a test user. The client is built fresh (once per run) so a test never runs
 * against a stale `dist/`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { inject } from 'vitest'
import type { TestUser } from '../helpers/users'

export const CHROMIUM_PATH = '/usr/bin/chromium'

/**
 * A policy at least as strict as the server's: nothing inline
 * at all, no eval. Every test page runs under it, so anything in the client that would need
 * a looser policy shows up as a console error.
 */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

/** Where tests leave screenshots for people to look at (git-ignored). */
export const ARTIFACTS_DIR = path.resolve('test-artifacts')

/** Launches headless Chromium, failing loudly (never skipping) when it is not installed. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}; browser tests need it. ` +
        'Install it with `apt-get install chromium`.',
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // A document fulfilled by Playwright (to add STRICT_CSP) loses its loopback address, and
      // Chromium's Local Network Access checks would then refuse its WebSocket to 127.0.0.1.
      '--disable-features=LocalNetworkAccessChecks',
    ],
  })
}

/** Builds the client with the project's Vite config into `outDir`. */
/** The client built from the current sources for this run (see globalSetup.ts). */
export function builtClient(): string {
  return inject('clientBuildDir')
}

/**
 * A browser context signed in as `user` (their session cookie), or signed out without one.
 * Every page gets STRICT_CSP.
 */
export async function contextFor(
  browser: Browser,
  baseUrl: string,
  user?: TestUser,
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1280, height: 800 },
  })
  // Generous: CI machines run the browser beside the rest of the suite on two cores.
  context.setDefaultTimeout(30_000)
  if (user) {
    const [name, value] = splitCookie(user.cookie)
    await context.addCookies([{ name, value, url: baseUrl }])
  }
  await context.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue()
    const response = await route.fetch()
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': STRICT_CSP },
    })
  })
  return context
}

function splitCookie(cookie: string): [string, string] {
  const eq = cookie.indexOf('=')
  if (eq <= 0) throw new Error(`not a name=value cookie: ${cookie}`)
  return [cookie.slice(0, eq), cookie.slice(eq + 1)]
}

/**
 * A new page in its own context signed in as `user`, whose context is kept in `contexts` (for
 * closing after the file) and whose console errors go to `errors`, labelled.
 */
export async function openTrackedPage(
  browser: Browser,
  baseUrl: string,
  user: TestUser | undefined,
  label: string,
  track: { contexts: BrowserContext[]; errors: string[] },
): Promise<Page> {
  const context = await contextFor(browser, baseUrl, user)
  track.contexts.push(context)
  const page = await context.newPage()
  collectPageErrors(page, label, track.errors)
  return page
}

/** Collects console errors and uncaught exceptions, which a healthy page has none of. */
export function collectPageErrors(page: Page, label: string, into: string[]): void {
  page.on('pageerror', (err) => into.push(`${label}: ${err.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') into.push(`${label}: ${message.text()}`)
  })
}
