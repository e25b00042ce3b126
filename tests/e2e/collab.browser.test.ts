/**
 * Two people in two real Chromium windows editing one briefing through the real server and
 * the built client: they see each other's text, carets and presence; a reload keeps the
 * document; a server restart loses nothing typed while it was down.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { signUp, type TestUser } from '../helpers/users'
import { ARTIFACTS_DIR, builtClient, launchChromium, openTrackedPage } from './browser'

const caretLabel = (page: Page, name: string) =>
  page.locator('.collaboration-carets__label', { hasText: name })
const documentBody = (page: Page) => page.locator('.document')
const editableBody = (page: Page) => page.locator('.document[contenteditable="true"]')
const connectionState = (page: Page) => page.locator('.connection-badge').getAttribute('data-state')

describe('collaborative editing in the browser', () => {
  let browser: Browser
  let server: TestServer
  let clientDir: string
  let ada: TestUser
  let grace: TestUser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    clientDir = builtClient()
    server = await startTestServer({ clientDir })
    ada = await signUp(server.url, { name: 'Ada Lovelace' })
    grace = await signUp(server.url, { name: 'Grace Hopper' })
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  const openPage = (user: TestUser, label: string): Promise<Page> =>
    openTrackedPage(browser, server.url, user, label, { contexts, errors: pageErrors })

  /** Ada creates a briefing in the list page and shares it with Grace; returns its URL. */
  async function briefingSharedWithGrace(
    adaPage: Page,
    title: string,
    { role = 'editor', listScreenshot }: { role?: string; listScreenshot?: string } = {},
  ): Promise<string> {
    await adaPage.goto('/')
    if (listScreenshot) {
      await adaPage.locator('.briefing-list, .empty-state').waitFor()
      await adaPage.screenshot({ path: path.join(ARTIFACTS_DIR, listScreenshot) })
    }
    await adaPage.getByPlaceholder('Title of a new briefing').fill(title)
    await adaPage.getByRole('button', { name: 'New briefing' }).click()
    await adaPage.waitForURL(/\/b\/[^/]+$/)
    const id = decodeURIComponent(new URL(adaPage.url()).pathname.split('/').pop() ?? '')
    const share = await ada.api(`/api/briefings/${id}/shares`, {
      method: 'PUT',
      body: { email: grace.email, role },
    })
    expect(share.ok, `sharing failed: ${share.status}`).toBe(true)
    return adaPage.url()
  }

  it('shows each person the other’s typing, caret and presence, and survives a reload', async () => {
    const adaPage = await openPage(ada, 'ada')
    const gracePage = await openPage(grace, 'grace')
    const url = await briefingSharedWithGrace(adaPage, 'Q3 market outlook')

    await gracePage.goto(url)

    await editableBody(adaPage).click()
    await adaPage.keyboard.type('Demand held up in the third quarter.')
    await expect.poll(() => documentBody(gracePage).innerText()).toContain('Demand held up')

    await editableBody(gracePage).click()
    await gracePage.keyboard.press('Control+End')
    await gracePage.keyboard.press('Enter')
    await gracePage.keyboard.type('Input costs eased.')
    await expect.poll(() => documentBody(adaPage).innerText()).toContain('Input costs eased.')

    await caretLabel(adaPage, 'Grace Hopper').waitFor()
    await caretLabel(gracePage, 'Ada Lovelace').waitFor()
    await expect
      .poll(() => adaPage.locator('.presence').getAttribute('aria-label'))
      .toContain('Grace Hopper')
    expect(await connectionState(adaPage)).toBe('connected')

    await adaPage.screenshot({ path: path.join(ARTIFACTS_DIR, 'collab-ada.png') })
    await gracePage.screenshot({ path: path.join(ARTIFACTS_DIR, 'collab-grace.png') })

    await gracePage.reload()
    await editableBody(gracePage).waitFor()
    await expect.poll(() => documentBody(gracePage).innerText()).toContain('Demand held up')
    expect(await documentBody(gracePage).innerText()).toContain('Input costs eased.')
    // Ada's caret is back, named after her account.
    await caretLabel(gracePage, 'Ada Lovelace').waitFor()
    // Grace's old connection left: once she is back in the text, Ada sees exactly one caret.
    await editableBody(gracePage).click()
    await expect.poll(() => caretLabel(adaPage, 'Grace Hopper').count()).toBe(1)

    expect(pageErrors).toEqual([])
  })

  it('keeps edits typed while the server restarts and merges them on reconnect', async () => {
    const adaPage = await openPage(ada, 'ada-restart')
    const gracePage = await openPage(grace, 'grace-restart')
    const url = await briefingSharedWithGrace(adaPage, 'Restart drill', {
      listScreenshot: 'briefing-list.png',
    })
    await editableBody(adaPage).click()
    await adaPage.keyboard.type('Written before the restart.')
    await expect.poll(() => connectionState(adaPage)).toBe('connected')

    const { port, dataDir } = server
    await server.close()
    await expect.poll(() => connectionState(adaPage)).toBe('offline')
    await expect(adaPage.locator('.connection-badge').innerText()).resolves.toMatch(
      /edits are kept and will sync/,
    )
    await adaPage.keyboard.press('Enter')
    await adaPage.keyboard.type('Written while the server was down.')
    await adaPage.screenshot({ path: path.join(ARTIFACTS_DIR, 'collab-offline.png') })

    server = await startTestServer({ clientDir, dataDir, port })
    await expect.poll(() => connectionState(adaPage), { timeout: 20_000 }).toBe('connected')

    await gracePage.goto(url)
    await expect
      .poll(() => documentBody(gracePage).innerText())
      .toContain('Written while the server was down.')
    expect(await documentBody(gracePage).innerText()).toContain('Written before the restart.')

    // Connection failures while the server was down are expected console noise here.
    const unexpected = pageErrors.filter((e) => !/WebSocket|ERR_CONNECTION_REFUSED/.test(e))
    expect(unexpected).toEqual([])
  })

  it('shows a viewer the document read-only, with the toolbar off', async () => {
    const adaPage = await openPage(ada, 'ada-viewer')
    const gracePage = await openPage(grace, 'grace-viewer')
    const url = await briefingSharedWithGrace(adaPage, 'For your eyes', { role: 'viewer' })
    await editableBody(adaPage).click()
    await adaPage.keyboard.type('Read, do not edit.')

    await gracePage.goto(url)
    await expect.poll(() => documentBody(gracePage).innerText()).toContain('Read, do not edit.')
    await expect.poll(() => connectionState(gracePage)).toBe('connected')
    await gracePage.locator('.view-only-badge').waitFor()
    await gracePage.getByTestId('read-only-banner').waitFor()
    expect(await documentBody(gracePage).getAttribute('contenteditable')).toBe('false')
    expect(await gracePage.getByRole('button', { name: 'Bold' }).isDisabled()).toBe(true)
    expect(
      await gracePage.getByRole('textbox', { name: 'Briefing title' }).getAttribute('readonly'),
    ).not.toBeNull()
    expect(
      pageErrors.filter((e) => e.startsWith('grace-viewer') || e.startsWith('ada-viewer')),
    ).toEqual([])
  })
})
