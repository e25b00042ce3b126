/**
 * Suggested edits in two real Chromium windows through the real server and the built client
 * ([SUG8]): Grace, an editor, switches to Suggesting and proposes an insertion and a deletion;
 * Ada sees both live, coloured in the text and listed in the review panel, accepts the first
 * and rejects the second, and Grace sees the outcome; Undo takes each decision back.
 * Screenshots at desktop width, at 390 px, and in dark mode go to test-artifacts/.
 */
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { ARTIFACTS_DIR, builtClient, launchChromium, openTrackedPage } from './browser'

const TEXT = 'The plan is bold and new.'
const WAIT = { timeout: 20_000 }
const body = (page: Page) => page.locator('.document')
const cards = (page: Page) => page.locator('.suggestion-card')

/**
 * Sets the browser selection to `[at, at + length)` of the text that contains `needle`,
 * counting from the needle's start, as a person would with the mouse.
 */
async function selectAt(page: Page, needle: string, offset: number, length: number) {
  await body(page).evaluate(
    (root, { needle, offset, length }) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(needle) ?? -1
        if (at < 0) continue
        const range = document.createRange()
        range.setStart(node, at + offset)
        range.setEnd(node, at + offset + length)
        const selection = document.getSelection()!
        selection.removeAllRanges()
        selection.addRange(range)
        return
      }
      throw new Error(`"${needle}" is not in the document`)
    },
    { needle, offset, length },
  )
}

describe('suggested edits in the browser', () => {
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
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(ARTIFACTS_DIR, name) })

  it('[SUG8] one suggests an insertion and a deletion; the other sees them, accepts one, rejects the other, and undoes', async () => {
    const id = await createBriefingAs(ada, 'Plan review')
    const shared = await ada.api(`/api/briefings/${id}/shares`, {
      method: 'PUT',
      body: { email: grace.email, role: 'editor' },
    })
    expect(shared.status).toBe(200)
    const adaPage = await openPage(ada, 'ada')
    await adaPage.goto(`/b/${encodeURIComponent(id)}`)
    await adaPage.locator('.document[contenteditable="true"]').click()
    await adaPage.keyboard.type(TEXT)

    const gracePage = await openPage(grace, 'grace')
    await gracePage.goto(`/b/${encodeURIComponent(id)}`)
    await expect.poll(() => body(gracePage).innerText(), WAIT).toContain(TEXT)
    await gracePage.locator('.document[contenteditable="true"]').click()
    await gracePage.getByLabel('Editing mode').selectOption('suggesting')
    await gracePage.locator('.paper--suggesting').waitFor()
    await body(gracePage).focus()

    // Grace proposes "very " before "bold", and removing " and new".
    await selectAt(gracePage, TEXT, 'The plan is '.length, 0)
    await gracePage.keyboard.type('very ')
    await expect
      .poll(() => gracePage.locator('ins.suggestion-insertion').innerText(), WAIT)
      .toBe('very ')
    await selectAt(gracePage, 'bold and new', 'bold'.length, ' and new'.length)
    await gracePage.keyboard.press('Backspace')
    await expect
      .poll(() => gracePage.locator('del.suggestion-deletion').innerText(), WAIT)
      .toBe(' and new')
    // Suggesting changes no words: the deleted ones are still there, struck through.
    expect(await body(gracePage).innerText()).toContain('The plan is very bold and new.')

    // Ada sees both, coloured in the text and listed, with Grace's name.
    await expect.poll(() => adaPage.locator('del.suggestion-deletion').count(), WAIT).toBe(1)
    await adaPage.getByRole('button', { name: 'Comments panel' }).click()
    await expect.poll(() => cards(adaPage).count(), WAIT).toBe(2)
    expect(await cards(adaPage).nth(0).innerText()).toContain('Grace Hopper')
    expect(await cards(adaPage).nth(0).innerText()).toContain('Add very')
    expect(await cards(adaPage).nth(1).innerText()).toContain('Delete and new')
    await shot(adaPage, 'suggestions-review.png')
    await shot(gracePage, 'suggestions-suggesting.png')
    await adaPage.setViewportSize({ width: 390, height: 844 })
    await shot(adaPage, 'suggestions-review-390.png')
    await adaPage.emulateMedia({ colorScheme: 'dark' })
    // Buttons fade to the dark scheme (a short transition): shoot once they have.
    const rejectBackground = () =>
      cards(adaPage)
        .first()
        .getByRole('button', { name: /^Reject/ })
        .evaluate((button) => getComputedStyle(button).backgroundColor)
    await expect.poll(rejectBackground, WAIT).not.toBe('rgb(255, 255, 255)')
    await shot(adaPage, 'suggestions-review-390-dark.png')
    await adaPage.setViewportSize({ width: 1280, height: 800 })
    await shot(adaPage, 'suggestions-review-dark.png')
    await adaPage.emulateMedia({ colorScheme: 'light' })

    // Ada accepts the insertion and rejects the deletion; Grace sees the result.
    await adaPage.getByRole('button', { name: 'Accept suggestion by Grace Hopper' }).first().click()
    await expect.poll(() => cards(adaPage).count(), WAIT).toBe(1)
    await adaPage.getByRole('button', { name: 'Reject suggestion by Grace Hopper' }).click()
    await expect.poll(() => cards(adaPage).count(), WAIT).toBe(0)
    await expect
      .poll(() => body(gracePage).innerText(), WAIT)
      .toBe('The plan is very bold and new.')
    expect(await gracePage.locator('ins, del').count()).toBe(0)

    // Undo takes back the rejection, then the acceptance, one step each.
    const undo = adaPage.getByRole('button', { name: 'Undo your last change' })
    await undo.click()
    await expect.poll(() => gracePage.locator('del.suggestion-deletion').count(), WAIT).toBe(1)
    expect(await gracePage.locator('ins.suggestion-insertion').count()).toBe(0)
    await undo.click()
    await expect.poll(() => gracePage.locator('ins.suggestion-insertion').count(), WAIT).toBe(1)
    await expect.poll(() => cards(adaPage).count(), WAIT).toBe(2)

    // The suggester's page on a phone, where the mode menu sits in the wrapped toolbar.
    await gracePage.getByRole('button', { name: 'Sources panel', exact: true }).click()
    await gracePage.locator('.editor-layout--panel').waitFor({ state: 'detached' })
    await gracePage.setViewportSize({ width: 390, height: 844 })
    await gracePage.locator('.mode-switch--suggesting').waitFor()
    await shot(gracePage, 'suggestions-suggesting-390.png')
    expect(pageErrors).toEqual([])
  })
})
