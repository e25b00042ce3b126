/**
 * A briefing stored broken (text straight under the document, 3,000 nested blockquotes,
 * bold in a code block, as the server used to accept) opens in a real Chromium editor with
 * its content, not the empty page every editor used to show for good: the room deletes
 * what no editor can show before the page joins, and the page can be edited as usual.
 */
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { brokenRow } from '../hostile/brokenRow'
import { builtClient, launchChromium, openTrackedPage } from './browser'

describe('a briefing stored broken, in the browser', () => {
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

  it('opens with its content and can be edited', async () => {
    const id = await createBriefingAs(ada, 'Broken before the fix')
    await server.stores.documents.append(id, [brokenRow()])
    const page = await openTrackedPage(browser, server.url, ada, 'ada', {
      contexts,
      errors: pageErrors,
    })
    await page.goto(`/b/${encodeURIComponent(id)}`)
    const body = page.locator('.document[contenteditable="true"]')
    await expect.poll(() => body.innerText()).toContain('kept after')
    const text = await body.innerText()
    expect(text).toContain('kept before')
    expect(text).toContain('let x = 1')
    expect(text).not.toContain('loose text')

    await page.getByText('kept after').click()
    await page.keyboard.press('End')
    await page.keyboard.type(' and edited')
    await expect
      .poll(async () =>
        JSON.stringify(await (await ada.api(`/api/briefings/${id}/content`)).json()),
      )
      .toContain('kept after and edited')
    expect(pageErrors).toEqual([])
  })
})
