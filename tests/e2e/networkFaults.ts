/**
 * Network faults for browser tests, made with Playwright's routing: the real server has no
 * way to fail a permitted request on demand, nor to answer slowly enough for a test to look
 * at the page mid-flight.
 */
import type { Page } from 'playwright-core'

/** Answers the next DELETE to `url` (a route glob) with the 503 an overloaded server sends. */
export async function failNextDelete(page: Page, url: string): Promise<void> {
  await page.route(
    url,
    (route) =>
      route.request().method() === 'DELETE'
        ? route.fulfill({
            status: 503,
            contentType: 'application/json',
            body: JSON.stringify({ error: { code: 'unavailable', message: 'try again shortly' } }),
          })
        : route.continue(),
    { times: 1 },
  )
}

/** Holds the next request to `url` at the network; it goes on when the returned function is called. */
export async function holdNextRequest(page: Page, url: string): Promise<() => void> {
  let release = () => {}
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.route(
    url,
    async (route) => {
      await released
      await route.continue()
    },
    { times: 1 },
  )
  return release
}
