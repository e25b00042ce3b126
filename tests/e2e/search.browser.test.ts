/**
 * [SBOX] The search box and the list's choices in real Chromium, against a real server with
 * the built client under a strict CSP: Ctrl+K opens search (loaded only then), a word typed
 * in a briefing elsewhere is found with its passage marked, Enter opens the briefing; inside
 * the editable text Ctrl+K stays "link"; the list sorts and filters.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendParagraph, connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import { builtClient, launchChromium, openTrackedPage } from './browser'

describe('[SBOX] search and the list in the browser', () => {
  let browser: Browser
  let server: TestServer
  let ada: TestUser
  let grace: TestUser
  let client: TestClient | undefined
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    server = await startTestServer({
      clientDir: builtClient(),
      search: { delayMs: 20, maxWaitMs: 200 },
    })
    ada = await signUp(server.url, { name: 'Ada' })
    grace = await signUp(server.url, { name: 'Grace' })
  })

  afterAll(async () => {
    client?.destroy()
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
    expect(pageErrors).toEqual([])
  })

  const open = (user: TestUser, label: string) =>
    openTrackedPage(browser, server.url, user, label, { contexts, errors: pageErrors })
  const searchDialog = (page: Page) => page.getByRole('dialog', { name: 'Search' })

  it('[SBOX1] Ctrl+K loads and opens search; a typed word is found, marked, and Enter opens it', async () => {
    const id = await createBriefingAs(ada, 'Ferry timetable')
    client = connectClient(server.wsUrl, id, { params: { token: await collabToken(ada, id) } })
    await waitSynced(client)
    appendParagraph(client, 'The winter crossings to Stromness are cancelled until March.')
    await waitFor(async () => {
      const res = await ada.api('/api/search?q=stromness')
      return ((await res.json()) as { results: unknown[] }).results.length === 1
    }, 'the text is indexed')

    const page = await open(ada, 'search')
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url())
    })
    await page.goto('/')
    await page.getByRole('link', { name: /Ferry timetable/ }).waitFor()
    const loadedWithPage = scripts.length

    await page.keyboard.press('Control+k')
    const dialog = searchDialog(page)
    await dialog.waitFor()
    // The dialog came in its own chunk, fetched when it opened.
    expect(scripts.length).toBeGreaterThan(loadedWithPage)

    const box = dialog.getByRole('combobox', { name: 'Search briefings and sources' })
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true)
    await box.fill('stromn')
    const option = dialog.getByRole('option', { name: /Ferry timetable/ })
    await option.waitFor()
    expect(await option.locator('mark').allTextContents()).toEqual(['Stromness'])
    expect(await option.getAttribute('aria-selected')).toBe('true')

    await box.press('Enter')
    await page.waitForURL(`**/b/${id}`)
    expect(await searchDialog(page).count()).toBe(0)
  })

  it('[SBOX2] says when nothing is found, and finds nothing the user may not read', async () => {
    await createBriefingAs(grace, 'Grace private zebra notes')
    const page = await open(ada, 'nothing found')
    await page.goto('/')
    await page.getByRole('button', { name: 'Search briefings and sources' }).click()
    const dialog = searchDialog(page)
    await dialog.getByRole('combobox').fill('zebra')
    await dialog.getByText('Nothing found.').waitFor()
    expect(await dialog.getByRole('option').count()).toBe(0)
    await page.keyboard.press('Escape')
    await expect.poll(() => searchDialog(page).count()).toBe(0)
  })

  it('[SBOX3] inside the editable text Ctrl+K adds a link instead of opening search', async () => {
    const id = await createBriefingAs(ada, 'Link keys')
    const page = await open(ada, 'editor keys')
    await page.goto(`/b/${id}`)
    const text = page.locator('.document[contenteditable="true"]')
    await text.waitFor()
    await text.click()
    await page.keyboard.type('Some words')
    await page.keyboard.press('Control+a')
    await page.keyboard.press('Control+k')
    await page.locator('form.link-popover').getByLabel('Link address').waitFor()
    expect(await searchDialog(page).count()).toBe(0)
    // Outside the text the same keys search.
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: 'Search briefings and sources' }).focus()
    await page.keyboard.press('Control+k')
    await searchDialog(page).waitFor()
  })

  it('[SBOX4] the list sorts by title and shows only what was shared with me', async () => {
    const lister = await signUp(server.url, { name: 'Lister' })
    await createBriefingAs(lister, 'beta')
    await createBriefingAs(lister, 'Alpha')
    await createBriefingAs(lister, 'gamma')
    const outside = await createBriefingAs(grace, 'From Grace')
    await grace.api(`/api/briefings/${outside}/shares`, {
      method: 'PUT',
      body: { email: lister.email, role: 'viewer' },
    })
    const page = await open(lister, 'list choices')
    await page.goto('/')
    const main = page.getByRole('list', { name: 'Briefings' })
    await main.getByRole('link', { name: /gamma/ }).waitFor()
    expect(await rowTitles(main)).toEqual(['gamma', 'Alpha', 'beta'])
    await page.getByLabel('Sort by').selectOption('title')
    await expect.poll(() => rowTitles(main)).toEqual(['Alpha', 'beta', 'gamma'])
    await page.getByLabel('Show').selectOption('shared')
    await expect.poll(() => rowTitles(main)).toEqual(['From Grace'])
    expect(await page.getByRole('list', { name: 'Shared with you' }).count()).toBe(0)
  })
})

/** The titles of a list's rows, top to bottom. */
async function rowTitles(list: ReturnType<Page['getByRole']>): Promise<string[]> {
  return list.locator('.briefing-row__title').allTextContents()
}
