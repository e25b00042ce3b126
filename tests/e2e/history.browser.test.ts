/**
 * [VB] The version history in the browser: saving a named version, opening it read-only,
 * comparing it with now (insertions and deletions marked), and restoring it, which the open
 * editor shows at once.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { signUp, type TestUser } from '../helpers/users'
import { builtClient, launchChromium, openTrackedPage } from './browser'

const documentBody = (page: Page) => page.locator('.document')
const editableBody = (page: Page) => page.locator('.document[contenteditable="true"]')

describe('version history', () => {
  let browser: Browser
  let server: TestServer
  let ada: TestUser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    server = await startTestServer({ clientDir: builtClient(), versionSettleMs: 60 * 60 * 1000 })
    ada = await signUp(server.url, { name: 'Ada Lovelace' })
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  it('[VB1] save, open, compare with now and restore from the history dialog', async () => {
    const page = await openTrackedPage(browser, server.url, ada, 'ada-history', {
      contexts,
      errors: pageErrors,
    })
    await page.goto('/')
    await page.getByPlaceholder('Title of a new briefing').fill('History drill')
    await page.getByRole('button', { name: 'New briefing' }).click()
    await page.waitForURL(/\/b\/[^/]+$/)
    await editableBody(page).click()
    await page.keyboard.type('The talks resume on Monday.')
    await expect.poll(() => documentBody(page).innerText()).toContain('Monday.')

    await page.getByRole('button', { name: 'History' }).click()
    const dialog = page.getByRole('dialog', { name: 'Version history' })
    await dialog.getByLabel('Version name').fill('Sent to the minister')
    await dialog.getByRole('button', { name: 'Save version' }).click()
    await expect.poll(() => dialog.locator('.history-item').count()).toBe(1)
    await dialog.getByRole('button', { name: 'Close' }).click()

    await editableBody(page).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Backspace')
    await page.keyboard.type(' in Geneva.')
    await expect.poll(() => documentBody(page).innerText()).toContain('Monday in Geneva.')

    await page.getByRole('button', { name: 'History' }).click()
    await dialog.getByRole('button', { name: /Sent to the minister/ }).click()
    await dialog.getByRole('button', { name: 'Open' }).click()
    await expect
      .poll(() => dialog.locator('.history-document').innerText())
      .toBe('The talks resume on Monday.')

    await dialog.getByRole('button', { name: 'Compare', exact: true }).click()
    await expect
      .poll(() => dialog.locator('.history-diff ins').allInnerTexts())
      .toEqual(['Monday in Geneva.'])
    expect(await dialog.locator('.history-diff del').allInnerTexts()).toEqual(['Monday.'])

    await dialog.getByRole('button', { name: 'Restore…' }).click()
    await dialog.getByRole('button', { name: 'Restore for everyone' }).click()
    await expect.poll(() => documentBody(page).innerText()).toBe('The talks resume on Monday.')
    // The version made before the restore is listed and selected: its undo.
    await expect
      .poll(() => dialog.locator('.history-item--selected').innerText())
      .toContain('Before a restore')
    expect(pageErrors).toEqual([])
  })
})
