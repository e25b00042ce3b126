/**
 * [OFF] Losing the network in the browser: the badge says Offline as soon as the browser
 * knows (not after the socket's 30 s timeout), leaving the page with edits the server has
 * not had asks first, and the edits reach the server when the network returns.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { signUp, type TestUser } from '../helpers/users'
import { builtClient, launchChromium, openTrackedPage } from './browser'

const documentBody = (page: Page) => page.locator('.document')
const editableBody = (page: Page) => page.locator('.document[contenteditable="true"]')
const connectionState = (page: Page) => page.locator('.connection-badge').getAttribute('data-state')

describe('offline in the browser', () => {
  let browser: Browser
  let server: TestServer
  let ada: TestUser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    server = await startTestServer({ clientDir: builtClient() })
    ada = await signUp(server.url, { name: 'Ada Lovelace' })
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  it('[OFF1] the badge turns Offline at once, leaving asks first, and the edits sync on return', async () => {
    const page = await openTrackedPage(browser, server.url, ada, 'ada-offline', {
      contexts,
      errors: pageErrors,
    })
    await page.goto('/')
    await page.getByPlaceholder('Title of a new briefing').fill('Offline drill')
    await page.getByRole('button', { name: 'New briefing' }).click()
    await page.waitForURL(/\/b\/[^/]+$/)
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '')
    await editableBody(page).click()
    await page.keyboard.type('Online words.')
    await expect.poll(() => connectionState(page)).toBe('connected')

    const context = page.context()
    await context.setOffline(true)
    // Far inside the stock provider's 30 s: the browser's offline event drops the socket.
    await expect.poll(() => connectionState(page), { timeout: 5_000 }).toBe('offline')

    await editableBody(page).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(' Typed offline.')
    await expect.poll(() => documentBody(page).innerText()).toContain('Typed offline.')

    // Leaving now would lose them: the browser asks first.
    const asked = new Promise<string>((resolve) =>
      page.once('dialog', (dialog) => {
        resolve(dialog.type())
        void dialog.dismiss()
      }),
    )
    await page.close({ runBeforeUnload: true })
    expect(await asked).toBe('beforeunload')
    expect(page.isClosed()).toBe(false)

    await context.setOffline(false)
    await expect.poll(() => connectionState(page), { timeout: 20_000 }).toBe('connected')
    await expect
      .poll(async () => {
        const res = await ada.api(`/api/briefings/${id}/content?format=html`)
        return res.text()
      })
      .toContain('Typed offline.')
    expect(pageErrors).toEqual([])
  })
})
