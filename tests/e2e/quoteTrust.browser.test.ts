/**
 * [QT] Quote blocks you can trust, in real Chromium windows against the real server: a
 * speaker confirmed or changed on a block reaches the other window live and is printed in
 * the PDF; typing at a quote block never deletes it; a plain blockquote is linked to the
 * source its words come from, or says it cannot be.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { pdfText } from '../export/read'
import { startTestServer, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { ARTIFACTS_DIR, builtClient, launchChromium, openTrackedPage } from './browser'

const FIXTURES = path.resolve(path.resolve('.'), '..', 'shared', 'fixtures', 'sources')
const UNNAMED = 'The next round will be the last one'
const WIRE_STORY = `${fs.readFileSync(path.join(FIXTURES, 'corridor-talks.txt'), 'utf8').trimEnd()}\n\n“${UNNAMED},” someone said.\n`
const SOLBERG = 'We came here with a concrete plan and we are leaving with a list of objections'

const panel = (page: Page) => page.getByRole('complementary', { name: 'Sources' })
const editableBody = (page: Page) => page.locator('.document[contenteditable="true"]')
const quoteBlock = (page: Page, text: string) => page.locator('.quote-block', { hasText: text })
const shot = (name: string) => ({ path: path.join(ARTIFACTS_DIR, name) })

describe('quote blocks you can trust', () => {
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
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  const openPage = (user: TestUser, label: string): Promise<Page> =>
    openTrackedPage(browser, server.url, user, label, { contexts, errors: pageErrors })

  /** A briefing of Ada's, shared with Grace as editor, holding the wire story. */
  async function briefingWithStory(title: string): Promise<string> {
    const id = await createBriefingAs(ada, title)
    const share = await ada.api(`/api/briefings/${id}/shares`, {
      method: 'PUT',
      body: { email: grace.email, role: 'editor' },
    })
    expect(share.ok).toBe(true)
    const res = await ada.api(`/api/briefings/${id}/sources`, {
      method: 'POST',
      body: { type: 'text', text: WIRE_STORY },
    })
    expect(res.status).toBe(201)
    return id
  }

  async function openBriefing(page: Page, id: string): Promise<void> {
    await page.goto(`/b/${encodeURIComponent(id)}`)
    await editableBody(page).waitFor()
    const sources = panel(page)
    await sources.getByRole('button', { name: /Corridor talks stall/ }).click()
    await sources.getByRole('region', { name: 'Marta Solberg' }).waitFor()
  }

  it('[QT1] confirming and changing a speaker reaches the other window and the PDF', async () => {
    const id = await briefingWithStory('Speakers')
    const adaPage = await openPage(ada, 'ada-speakers')
    const gracePage = await openPage(grace, 'grace-speakers')
    await openBriefing(adaPage, id)
    await openBriefing(gracePage, id)

    // Grace inserts the quotation nobody is named for: she is asked who said it first, and
    // inserts it unattributed, which both windows show as unconfirmed.
    const unnamedCard = panel(gracePage).locator('.quote-card', { hasText: UNNAMED })
    await unnamedCard.getByRole('button', { name: 'Insert' }).click()
    await unnamedCard.getByText('Who said this?').waitFor()
    await unnamedCard.screenshot(shot('trust-insert-ask.png'))
    await unnamedCard.getByRole('button', { name: 'Insert unattributed' }).click()
    for (const page of [gracePage, adaPage]) {
      const block = quoteBlock(page, UNNAMED)
      await block.getByText('Speaker unconfirmed', { exact: true }).waitFor()
      expect(await block.getAttribute('data-verification')).toBe('unconfirmed')
    }

    // Ada sets the speaker from the people in the source; Grace sees it confirmed, by Ada.
    const adaUnnamed = quoteBlock(adaPage, UNNAMED)
    await adaUnnamed.getByRole('button', { name: 'Set speaker…' }).click()
    await adaUnnamed.getByRole('button', { name: 'Marta Solberg' }).click()
    await adaUnnamed.screenshot(shot('trust-speaker-form.png'))
    await adaUnnamed.getByRole('button', { name: 'Save speaker' }).click()
    for (const page of [adaPage, gracePage]) {
      const block = quoteBlock(page, UNNAMED)
      await block.getByText(/Speaker confirmed by Ada Lovelace/).waitFor()
      expect(await block.getAttribute('data-verification')).toBe('verified')
      expect(await block.locator('.quote-block__speaker').innerText()).toBe('Marta Solberg')
    }

    // A quote whose speaker the text confirms goes straight in, verified.
    await panel(adaPage)
      .locator('.quote-card', { hasText: SOLBERG })
      .getByRole('button', { name: 'Insert' })
      .click()
    await quoteBlock(gracePage, SOLBERG)
      .getByText(/^Verified against source/)
      .waitFor()

    // Grace changes that speaker: both windows show it changed, from whom, by whom.
    const graceSolberg = quoteBlock(gracePage, SOLBERG)
    await graceSolberg.hover()
    await graceSolberg.getByRole('button', { name: 'Speaker' }).click()
    await graceSolberg.getByLabel('Speaker', { exact: true }).fill('Daniel Achebe')
    await graceSolberg.getByLabel('Role (optional)').fill('')
    await graceSolberg.getByRole('button', { name: 'Save speaker' }).click()
    for (const page of [gracePage, adaPage]) {
      const block = quoteBlock(page, SOLBERG)
      await block.getByText(/^Speaker changed from Marta Solberg/).waitFor()
      await block.getByText(/Changed by Grace Hopper/).waitFor()
      expect(await block.getAttribute('data-verification')).toBe('changed')
    }
    const changed = quoteBlock(adaPage, SOLBERG)
    await changed.scrollIntoViewIfNeeded()
    await changed.screenshot(shot('trust-speaker-changed.png'))

    // The PDF prints the confirmed name, and marks the changed speaker.
    await expect
      .poll(async () => {
        const res = await ada.api(`/api/briefings/${id}/export?format=pdf`)
        return res.headers.get('x-unverified-quotes')
      })
      .toBe('1')
    const res = await ada.api(`/api/briefings/${id}/export?format=pdf`)
    const { text } = await pdfText(Buffer.from(await res.arrayBuffer()))
    expect(text).toContain('Marta Solberg')
    expect(text).toContain('speaker changed from Marta Solberg')
    expect(text).toContain('Daniel Achebe')

    // Grace undoes her change; both windows are back to the source's speaker, verified.
    await graceSolberg.click({ position: { x: 30, y: 40 } })
    await gracePage.keyboard.press('Control+z')
    for (const page of [gracePage, adaPage]) {
      const block = quoteBlock(page, SOLBERG)
      await expect.poll(() => block.getAttribute('data-verification')).toBe('verified')
      expect(await block.locator('.quote-block__speaker').innerText()).toBe('Marta Solberg')
    }

    // How the blocks look on a phone, and with a dark colour scheme asked for.
    await adaPage.setViewportSize({ width: 390, height: 844 })
    await panel(adaPage).getByRole('button', { name: 'Close sources panel' }).click()
    await quoteBlock(adaPage, UNNAMED).scrollIntoViewIfNeeded()
    await adaPage.screenshot(shot('trust-phone.png'))
    const phoneChange = quoteBlock(adaPage, SOLBERG)
    await phoneChange.getByRole('button', { name: 'Speaker' }).click()
    await phoneChange.getByText('Who said this?').waitFor()
    await phoneChange.screenshot(shot('trust-phone-form.png'))
    await adaPage.emulateMedia({ colorScheme: 'dark' })
    await adaPage.setViewportSize({ width: 1280, height: 800 })
    await adaPage.screenshot(shot('trust-dark.png'))
    expect(pageErrors).toEqual([])
  })

  it('[QT2] typing at a quote block never deletes it', async () => {
    const id = await briefingWithStory('Typing')
    const page = await openPage(ada, 'ada-typing')
    await openBriefing(page, id)
    await editableBody(page).click()
    await page.keyboard.type('Before the quote.')
    await panel(page)
      .locator('.quote-card', { hasText: SOLBERG })
      .getByRole('button', { name: 'Insert' })
      .click()
    const block = quoteBlock(page, SOLBERG)
    await block.waitFor()

    // A click on the quoted words selects the block; typing goes after it, not over it.
    await block.locator('.quote-block__text').click()
    await page.keyboard.type('Typed after')
    await page.locator('.document p', { hasText: 'Typed after' }).waitFor()
    expect(await page.locator('.quote-block').count()).toBe(1)
    // A double click on the speaker opens the speaker form; leaving it puts the selection
    // back on the block, and typing again goes after it.
    await block.locator('.quote-block__speaker').dblclick()
    await block.getByText('Who said this?').waitFor()
    await block.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => page.locator('.quote-block--selected').count()).toBe(1)
    await page.keyboard.type('x')
    await page.locator('.quote-block-view + p', { hasText: /^x$/ }).waitFor()
    expect(await page.locator('.quote-block').count()).toBe(1)
    expect(await page.locator('.document p').first().innerText()).toBe('Before the quote.')

    expect(pageErrors).toEqual([])
  })

  it('[QT4] Backspace beside a quote block selects it first; deleting it is undoable', async () => {
    const id = await briefingWithStory('Deleting')
    const page = await openPage(ada, 'ada-deleting')
    await openBriefing(page, id)
    await editableBody(page).click()
    await page.keyboard.type('Before the quote.')
    await panel(page)
      .locator('.quote-card', { hasText: SOLBERG })
      .getByRole('button', { name: 'Insert' })
      .click()
    await quoteBlock(page, SOLBERG).locator('.quote-block__text').click()
    await page.keyboard.type('x')
    // Backspace at the start of the paragraph after the block selects it; a second press
    // deletes it, and undo brings it back.
    const after = page.locator('.document p', { hasText: /^x$/ })
    await after.click()
    await page.keyboard.press('Home')
    // The key goes to where the editor's caret is. Waiting for the browser's caret was not
    // enough: ProseMirror takes the DOM selection on a later selectionchange, and a Backspace
    // sent in between went to the end of "x", where the browser itself joined the paragraph
    // into the quote block (and applied an inline style the CSP blocks). Tiptap puts the
    // editor on its DOM element; wait until its state has the caret at the start.
    await expect
      .poll(
        () =>
          page.evaluate(() => {
            const dom = document.querySelector('.ProseMirror') as
              | (Element & {
                  editor?: { state: { selection: { $head: { parentOffset: number } } } }
                })
              | null
            return dom?.editor?.state.selection.$head.parentOffset ?? -1
          }),
        { timeout: 10_000 },
      )
      .toBe(0)
    await page.keyboard.press('Backspace')
    await expect.poll(() => page.locator('.quote-block--selected').count()).toBe(1)
    expect(await page.locator('.quote-block').count()).toBe(1)
    expect(await after.innerText()).toBe('x')
    await page.keyboard.press('Backspace')
    await expect.poll(() => page.locator('.quote-block').count()).toBe(0)
    // The deletion is an undo step of its own: Ctrl+Z brings the block back and takes nothing
    // typed just before it (all of it within the undo manager's half-second capture window).
    await page.keyboard.press('Control+z')
    await expect.poll(() => page.locator('.quote-block').count()).toBe(1)
    expect(await page.locator('.document p', { hasText: /^x$/ }).count()).toBe(1)
    expect(await page.locator('.document p', { hasText: 'Before the quote.' }).count()).toBe(1)
    expect(pageErrors).toEqual([])
  })

  it('[QT3] a plain blockquote is linked to its source, or says it cannot be', async () => {
    const id = await briefingWithStory('Linking')
    const page = await openPage(ada, 'ada-link')
    await openBriefing(page, id)
    await editableBody(page).click()
    await page.keyboard.type('Opening.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('> Brevity is the soul of wit')
    await page.keyboard.press('Enter')
    // Out of the blockquote (the toolbar's Quote shortcut), then a second one.
    await page.keyboard.press('Control+Shift+b')
    await page.keyboard.type('Then the minister’s negotiator:')
    await page.keyboard.press('Enter')
    await page.keyboard.type('> “We came here with a concrete plan and we are leaving with a list')
    await page.keyboard.type(' of objections,” — Marta Solberg')

    // Words no source holds stay a plain blockquote, and it says why.
    const epigraph = page.locator('.blockquote-view', { hasText: 'Brevity' })
    await epigraph.getByText('Not linked to a source').waitFor()
    await epigraph.getByRole('button', { name: 'Link to a source' }).click()
    await epigraph.getByText('These words are not in any source of this briefing').waitFor()
    await epigraph.screenshot(shot('trust-blockquote-not-found.png'))

    // Words the source holds become a verified quote block, with the typed speaker.
    const plain = page.locator('.blockquote-view', { hasText: 'concrete plan' })
    expect(await page.locator('.quote-block').count()).toBe(0)
    await plain.screenshot(shot('trust-blockquote.png'))
    await plain.getByRole('button', { name: 'Link to a source' }).click()
    const linked = quoteBlock(page, SOLBERG)
    await linked.getByText(/^Verified against source, para\. 4/).waitFor()
    expect(await linked.locator('.quote-block__speaker').innerText()).toBe('Marta Solberg')
    await expect.poll(() => page.locator('.blockquote-view').count()).toBe(1)
    expect(pageErrors).toEqual([])
  })
})
