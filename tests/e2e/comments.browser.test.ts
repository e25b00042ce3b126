/**
 * Commenting in two real Chromium windows through the real server and the built client:
 * Grace, who may only comment, comments on Ada's words and mentions her; Ada sees the thread
 * arrive live with her words highlighted and a mention on her list, replies, and resolves it,
 * and Grace sees each step without reloading ([CMB1]).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { builtClient, launchChromium, openTrackedPage } from './browser'

const threadCard = (page: Page) => page.locator('.comment-thread')
const commentsButton = (page: Page) => page.getByRole('button', { name: 'Comments panel' })

/** Selects `words` in the document as a person would with the mouse (a DOM selection). */
async function selectWords(page: Page, words: string): Promise<void> {
  await page.locator('.document').evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(needle) ?? -1
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + needle.length)
      const selection = document.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      return
    }
    throw new Error(`"${needle}" is not in the document`)
  }, words)
}

describe('comments in the browser', () => {
  let browser: Browser
  let server: TestServer
  let ada: TestUser
  let grace: TestUser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    server = await startTestServer({ clientDir: builtClient() })
    ada = await signUp(server.url, { name: 'Ada Lovelace' })
    grace = await signUp(server.url, { name: 'Grace Hopper' })
  })
  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  const openPage = (user: TestUser, label: string) =>
    openTrackedPage(browser, server.url, user, label, { contexts, errors: pageErrors })

  it('[CMB1] a commenter comments and mentions; the owner sees it live, replies and resolves', async () => {
    const id = await createBriefingAs(ada, 'Q3 outlook')
    const shared = await ada.api(`/api/briefings/${id}/shares`, {
      method: 'PUT',
      body: { email: grace.email, role: 'commenter' },
    })
    expect(shared.status).toBe(200)
    const adaPage = await openPage(ada, 'ada')
    await adaPage.goto(`/b/${encodeURIComponent(id)}`)
    await adaPage.locator('.document[contenteditable="true"]').click()
    await adaPage.keyboard.type('Demand held up in the third quarter. Prices fell.')

    const gracePage = await openPage(grace, 'grace')
    await gracePage.goto(`/b/${encodeURIComponent(id)}`)
    await expect
      .poll(() => gracePage.getByTestId('read-only-banner').innerText())
      .toContain('Comment only')
    await expect.poll(() => gracePage.locator('.document').innerText()).toContain('Prices fell')
    await commentsButton(gracePage).click()
    await adaPage.locator('.document').click()
    await commentsButton(adaPage).click()
    await adaPage.getByText('No open comments.').waitFor()

    // Grace comments on two words, mentioning Ada.
    await selectWords(gracePage, 'third quarter')
    await gracePage.getByRole('button', { name: 'Comment on selection' }).click()
    await gracePage.getByRole('textbox', { name: 'Comment' }).fill('Which year?')
    await gracePage.getByLabel('Mention someone').selectOption({ label: 'Ada Lovelace' })
    await gracePage.getByRole('button', { name: 'Comment', exact: true }).click()
    await expect.poll(() => threadCard(gracePage).count()).toBe(1)

    // Ada sees it at once, her words highlighted, and a mention on her list.
    await expect.poll(() => threadCard(adaPage).innerText()).toContain('Which year? @Ada Lovelace')
    expect(await threadCard(adaPage).locator('.comment-thread__quote').innerText()).toBe(
      'third quarter',
    )
    await expect.poll(() => adaPage.locator('.comment-anchor').innerText()).toBe('third quarter')
    const listPage = await openPage(ada, 'ada-list')
    await listPage.goto('/')
    await expect
      .poll(() => listPage.getByTestId('unread-mentions').innerText())
      .toBe('1 mention for you')
    expect(await listPage.getByTestId('open-threads').innerText()).toBe('1 open comment')

    // Clicking the highlighted words opens the thread; Ada replies; Grace sees the reply.
    await adaPage.locator('.comment-anchor').click()
    await threadCard(adaPage).and(adaPage.locator('.comment-thread--selected')).waitFor()
    await adaPage.getByRole('textbox', { name: 'Reply' }).fill('2026, see the table.')
    await adaPage.getByRole('button', { name: 'Reply', exact: true }).click()
    await expect.poll(() => threadCard(gracePage).innerText()).toContain('2026, see the table.')

    // Ada resolves it: it leaves Grace's open list and shows under Resolved.
    await adaPage.getByRole('button', { name: 'Resolve', exact: true }).click()
    await gracePage.getByText('No open comments.').waitFor()
    await gracePage.getByRole('button', { name: /^Resolved/ }).click()
    await expect.poll(() => threadCard(gracePage).innerText()).toContain('Resolved')
    await expect.poll(() => adaPage.locator('.comment-anchor').count()).toBe(0)
    expect(pageErrors).toEqual([])
  })
})
