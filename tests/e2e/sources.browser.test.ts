/**
 * Sources and quote blocks in real Chromium windows against the real server: adding a wire
 * story through the Add-source dialog, inserting its quotes (click, drag, reader selection),
 * seeing them verified and numbered in a second window, and seeing both windows flag a quote
 * whose words were changed behind the editor's back by a raw Y.Doc update.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page, Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import { ARTIFACTS_DIR, builtClient, launchChromium, openTrackedPage } from './browser'

const FIXTURES = path.resolve(path.resolve('.'), '..', 'shared', 'fixtures', 'sources')
// The wire story, and a quotation nobody is named for: the panel sets it apart.
const UNNAMED = 'The next round will be the last one'
const WIRE_STORY = `${fs.readFileSync(path.join(FIXTURES, 'corridor-talks.txt'), 'utf8').trimEnd()}\n\n“${UNNAMED},” someone said.\n`
const SOLBERG = 'We came here with a concrete plan and we are leaving with a list of objections'
const ACHEBE = 'The substance of their objection is the same one they raised in April.'

const panel = (page: Page) => page.getByRole('complementary', { name: 'Sources' })
const editableBody = (page: Page) => page.locator('.document[contenteditable="true"]')
const quoteBlock = (page: Page, text: string) => page.locator('.quote-block', { hasText: text })
const shot = (name: string) => ({ path: path.join(ARTIFACTS_DIR, name) })

describe('sources and quote blocks in the browser', () => {
  let browser: Browser
  let server: TestServer
  let clientDir: string
  let ada: TestUser
  let grace: TestUser
  let lin: TestUser
  const contexts: BrowserContext[] = []
  const clients: TestClient[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    clientDir = builtClient()
    server = await startTestServer({ clientDir })
    ada = await signUp(server.url, { name: 'Ada Lovelace' })
    grace = await signUp(server.url, { name: 'Grace Hopper' })
    lin = await signUp(server.url, { name: 'Lin Viewer' })
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
  })

  afterAll(async () => {
    for (const client of clients) client.destroy()
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  const openPage = (user: TestUser, label: string): Promise<Page> =>
    openTrackedPage(browser, server.url, user, label, { contexts, errors: pageErrors })

  /** A briefing owned by Ada and shared with Grace (editor) and Lin (viewer). */
  async function sharedBriefing(title: string): Promise<string> {
    const id = await createBriefingAs(ada, title)
    for (const [user, role] of [
      [grace, 'editor'],
      [lin, 'viewer'],
    ] as const) {
      const res = await ada.api(`/api/briefings/${id}/shares`, {
        method: 'PUT',
        body: { email: user.email, role },
      })
      expect(res.ok, `sharing with ${user.name} failed: ${res.status}`).toBe(true)
    }
    return id
  }

  async function openBriefing(page: Page, id: string, editable = true): Promise<void> {
    await page.goto(`/b/${encodeURIComponent(id)}`)
    await (editable ? editableBody(page) : page.locator('.document')).waitFor()
  }

  /** Holds the next source import at the network until the test lets it go. */
  function holdNextImport(page: Page): Promise<Route> {
    return new Promise((resolve) => {
      void page.route(
        '**/api/briefings/*/sources',
        (route) => (route.request().method() === 'POST' ? resolve(route) : route.fallback()),
        { times: 1 },
      )
    })
  }

  /** Selects `text` in the source reader with the mouse, as a person would. */
  async function selectInReader(page: Page, text: string): Promise<void> {
    const box = await page.evaluate((wanted) => {
      const root = document.querySelector('.reader__text')
      if (!root) throw new Error('no reader')
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(wanted) ?? -1
        if (at === -1) continue
        const rectOf = (from: number) => {
          const range = document.createRange()
          range.setStart(node, from)
          range.setEnd(node, from + 1)
          return range.getBoundingClientRect()
        }
        const first = rectOf(at)
        const last = rectOf(at + wanted.length - 1)
        return {
          x1: first.left + 1,
          y1: first.top + first.height / 2,
          x2: last.right - 1,
          y2: last.top + last.height / 2,
        }
      }
      throw new Error(`${wanted} is not in one text node of the reader`)
    }, text)
    await page.mouse.move(box.x1, box.y1)
    await page.mouse.down()
    await page.mouse.move(box.x2, box.y2, { steps: 8 })
    await page.mouse.up()
  }

  it('adds a source through the dialog, quotes it, and shows every window when it is altered', async () => {
    const id = await sharedBriefing('Corridor talks')
    const adaPage = await openPage(ada, 'ada')
    const gracePage = await openPage(grace, 'grace')
    await openBriefing(adaPage, id)
    await editableBody(adaPage).click()
    await adaPage.keyboard.type('Talks on the Northern Corridor stalled on Tuesday.')

    // The panel is open beside the text on a wide window; the library starts empty.
    await panel(adaPage).getByText('No sources yet').waitFor()
    await panel(adaPage)
      .locator('.sources-panel__header')
      .getByRole('button', { name: 'Add source' })
      .click()
    const dialog = adaPage.getByRole('dialog', { name: 'Add source' })

    // A URL the server refuses to fetch: the failure is explained and the form kept.
    await dialog.getByRole('tab', { name: 'Web address' }).click()
    await dialog.getByLabel('Web address of the article').fill('http://127.0.0.1:9/story')
    await dialog.getByRole('button', { name: 'Add source' }).click()
    await dialog.getByRole('alert').getByText('That address cannot be fetched').waitFor()
    await dialog.screenshot(shot('sources-add-failure.png'))

    // Pasted text, held at the network so the progress display can be seen and cancelled.
    await dialog.getByRole('tab', { name: 'Paste text' }).click()
    await dialog.getByLabel('Text of the source').fill(WIRE_STORY)
    await dialog.getByLabel('Kind').selectOption('article')
    let held = holdNextImport(adaPage)
    await dialog.getByRole('button', { name: 'Add source' }).click()
    await dialog.getByRole('progressbar').waitFor()
    await (await held).abort()
    // The abort lands as a network failure unless Cancel wins; either way nothing is added.
    await dialog.getByRole('button', { name: /Add source|Try again/ }).waitFor()

    held = holdNextImport(adaPage)
    await dialog.getByRole('button', { name: /Add source|Try again/ }).click()
    await dialog.getByRole('progressbar').waitFor()
    await dialog.screenshot(shot('sources-add-progress.png'))
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    // Cancelling aborted the request in the browser; the held route may already be gone.
    await (await held).abort().catch(() => {})
    await expect.poll(() => dialog.getByRole('progressbar').count()).toBe(0)
    expect(await dialog.getByLabel('Text of the source').inputValue()).toBe(WIRE_STORY)

    await dialog.getByRole('button', { name: /Add source|Try again/ }).click()
    await dialog.waitFor({ state: 'detached' })
    const sourcePanel = panel(adaPage)
    await sourcePanel
      .getByRole('heading', { name: 'Corridor talks stall as Veskaria rejects monitoring mission' })
      .waitFor()
    await sourcePanel.getByRole('region', { name: 'Marta Solberg' }).waitFor()
    await adaPage.screenshot(shot('sources-panel.png'))

    // A quotation the text attributes to nobody it names is set apart, and every quote shows
    // the evidence for its speaker on hover.
    const unconfirmed = sourcePanel.getByRole('region', { name: 'Speaker unconfirmed' })
    await unconfirmed.getByText(UNNAMED).waitFor()
    await unconfirmed.getByText('The text names no speaker').waitFor()
    const evidence = sourcePanel
      .locator('.quote-card', { hasText: SOLBERG })
      .locator('.quote-card__evidence')
    expect(await evidence.getAttribute('title')).toMatch(
      /^Attributed by “.*Solberg.*” \(paragraph 4\) · first named as “Marta Solberg” in paragraph 4 · confidence \d+ %\.$/,
    )
    await evidence.hover()
    await unconfirmed.scrollIntoViewIfNeeded()
    await unconfirmed.screenshot(shot('sources-panel-unconfirmed.png'))

    // Search narrows the quotes to one speaker.
    await sourcePanel.getByPlaceholder('Search quotes or speakers').fill('halden')
    await expect
      .poll(() => sourcePanel.locator('.speaker-group__name').allInnerTexts())
      .toEqual(['Daniel Achebe'])
    await sourcePanel.getByPlaceholder('Search quotes or speakers').fill('')

    // Insert at the cursor with the Insert button.
    await sourcePanel
      .locator('.quote-card', { hasText: SOLBERG })
      .getByRole('button', { name: 'Insert' })
      .click()
    const adaBlock = quoteBlock(adaPage, SOLBERG)
    await adaBlock.waitFor()
    await adaBlock.getByText('Verified against source, para. 4').waitFor()

    // The second window sees the block with speaker, source, citation number and verdict.
    await openBriefing(gracePage, id)
    const graceBlock = quoteBlock(gracePage, SOLBERG)
    await graceBlock.getByText('Verified against source, para. 4').waitFor()
    await expect(graceBlock.locator('.quote-block__speaker').innerText()).resolves.toBe(
      'Marta Solberg',
    )
    await expect(graceBlock.locator('.citation-number').innerText()).resolves.toBe('1')
    await expect(graceBlock.locator('cite').innerText()).resolves.toBe(
      'Corridor talks stall as Veskaria rejects monitoring mission',
    )
    await graceBlock.scrollIntoViewIfNeeded()
    await graceBlock.screenshot(shot('quote-verified.png'))

    // Drag another quote from the panel into the text.
    await sourcePanel
      .locator('.quote-card', { hasText: ACHEBE })
      .dragTo(adaPage.locator('.document p', { hasText: 'Talks on the Northern Corridor' }))
    await quoteBlock(adaPage, ACHEBE)
      .getByText(/Verified against source, para\. 7/)
      .waitFor()

    // Quote a passage by selecting it in the reader; nobody is quoted there, so it asks who.
    await sourcePanel.getByRole('tab', { name: 'Full text' }).click()
    await selectInReader(adaPage, 'roughly 400 unarmed monitors')
    await adaPage.getByRole('button', { name: 'Quote this' }).click()
    await adaPage.getByLabel('Speaker').fill('Lena Ortmann')
    await adaPage.getByLabel('Role (optional)').fill('Meridian Wire correspondent')
    await adaPage.screenshot(shot('sources-reader.png'))
    await adaPage.getByRole('button', { name: 'Insert quote' }).click()
    const readerBlock = quoteBlock(adaPage, 'roughly 400 unarmed monitors')
    await readerBlock.getByText('Verified against source, para. 3').waitFor()
    await expect(readerBlock.locator('.quote-block__speaker').innerText()).resolves.toBe(
      'Lena Ortmann',
    )

    // A raw Y.Doc edit from Node, bypassing every command, changes the quoted words.
    const raw = connectClient(server.wsUrl, id, { params: { token: await collabToken(ada, id) } })
    clients.push(raw)
    await waitSynced(raw)
    const element = await waitFor(
      () =>
        raw.fragment
          .toArray()
          .find(
            (node): node is Y.XmlElement =>
              node instanceof Y.XmlElement &&
              node.nodeName === 'sourceQuote' &&
              node.getAttribute('text') === SOLBERG,
          ),
      'the quote block in the raw client',
    )
    element.setAttribute('text', SOLBERG.replace('objections', 'demands'))

    for (const page of [adaPage, gracePage]) {
      const altered = quoteBlock(page, 'a list of demands')
      await altered.getByText('ALTERED — does not match the source').waitFor()
      expect(await altered.getAttribute('data-verification')).toBe('altered')
      await altered.locator('.quote-change', { hasText: 'demands' }).waitFor()
      await altered.locator('.quote-change', { hasText: 'objections' }).waitFor()
    }
    const alteredBlock = quoteBlock(gracePage, 'a list of demands')
    await alteredBlock.scrollIntoViewIfNeeded()
    await alteredBlock.screenshot(shot('quote-altered.png'))
    await gracePage.screenshot(shot('sources-altered-page.png'))

    // Restoring puts the recorded source wording back, verified, in every window.
    await quoteBlock(adaPage, 'a list of demands')
      .getByRole('button', { name: 'Restore source wording' })
      .click()
    for (const page of [adaPage, gracePage]) {
      await quoteBlock(page, SOLBERG).getByText('Verified against source, para. 4').waitFor()
      await expect.poll(() => page.locator('.quote-block--altered').count()).toBe(0)
    }

    // A quote whose source is not in the briefing cannot be checked, and says so in amber.
    const orphan = new Y.XmlElement('sourceQuote')
    for (const [key, value] of Object.entries(element.getAttributes())) {
      orphan.setAttribute(key, value as string)
    }
    orphan.setAttribute('quoteId', 'orphan-quote')
    orphan.setAttribute('sourceId', 'a-source-nobody-added')
    raw.fragment.insert(raw.fragment.length, [orphan])
    const missing = gracePage.locator('.quote-block[data-quote-id="orphan-quote"]')
    await missing.getByText('Source missing — this quote cannot be checked').waitFor()
    expect(await missing.getAttribute('data-verification')).toBe('missing')
    await missing.scrollIntoViewIfNeeded()
    await missing.screenshot(shot('quote-source-missing.png'))

    // "Show in source" opens the reader at the quoted passage.
    await quoteBlock(gracePage, ACHEBE).getByRole('button', { name: 'Show in source' }).click()
    await panel(gracePage)
      .locator('.reader-mark--focus', { hasText: 'same one they raised' })
      .waitFor()
    await gracePage.screenshot(shot('sources-reader-focus.png'))

    expect(pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
  })

  it('trims and clarifies a quote, cites a paraphrase and lists the sources', async () => {
    const id = await sharedBriefing('Editing quotes')
    const adaPage = await openPage(ada, 'ada-edit')
    await openBriefing(adaPage, id)
    await editableBody(adaPage).click()
    await adaPage.keyboard.type('Achebe said the position had not moved since the spring.')

    // This time the wire story comes in as an uploaded file.
    await panel(adaPage).getByText('No sources yet').waitFor()
    await panel(adaPage).getByRole('button', { name: 'Add source' }).first().click()
    const dialog = adaPage.getByRole('dialog', { name: 'Add source' })
    await dialog.getByRole('tab', { name: 'Upload file' }).click()
    await dialog
      .locator('input[type="file"]')
      .setInputFiles(path.join(FIXTURES, 'corridor-talks.txt'))
    await dialog.getByText('corridor-talks.txt').waitFor()
    await dialog.getByRole('button', { name: 'Add source' }).click()
    await dialog.waitFor({ state: 'detached' })
    await panel(adaPage)
      .getByRole('heading', { name: /Corridor talks stall/ })
      .waitFor()
    await panel(adaPage)
      .locator('.quote-card', { hasText: ACHEBE })
      .getByRole('button', { name: 'Insert' })
      .click()
    const inserted = quoteBlock(adaPage, 'raised in April')
    await inserted.getByText(/^Verified/).waitFor()
    // Pinned by id: the text this test edits is what found it.
    const block = adaPage.locator(
      `.quote-block[data-quote-id="${await inserted.getAttribute('data-quote-id')}"]`,
    )

    // Trim: leave out "they raised".
    await block.getByRole('button', { name: 'Trim' }).click()
    await block.locator('.quote-token', { hasText: /^they$/ }).click()
    await block.locator('.quote-token', { hasText: /^raised$/ }).click()
    await block.screenshot(shot('quote-trim.png'))
    await block.getByRole('button', { name: 'Apply trim' }).click()
    await block.locator('.quote-block__text', { hasText: 'same one … in April.' }).waitFor()
    await block.getByText(/^Verified against source/).waitFor()

    // Clarify: replace "their" with "[Veskaria’s]".
    await block.getByRole('button', { name: 'Clarify' }).click()
    await block.locator('.quote-token', { hasText: /^their$/ }).click()
    await block.getByPlaceholder('Words to show in [brackets]').fill('Veskaria’s')
    await block.getByRole('button', { name: 'Apply clarification' }).click()
    await block.locator('.quote-clarification', { hasText: '[Veskaria’s]' }).waitFor()
    await block.getByText(/^Verified against source/).waitFor()

    // Cite the paraphrase typed above, at paragraph 6 of the source.
    const paraphrase = adaPage.locator('.document p', { hasText: 'Achebe said the position' })
    await paraphrase.click({ clickCount: 3 })
    await adaPage.getByRole('button', { name: /Cite source/ }).click()
    await adaPage.getByLabel('Paragraph').fill('6')
    await adaPage.getByRole('button', { name: 'Cite', exact: true }).click()
    await adaPage.locator('.document span[data-type="cite"]').waitFor()
    await expect
      .poll(() =>
        adaPage
          .locator('.document span[data-citation-number]')
          .getAttribute('data-citation-number'),
      )
      .toBe('1')
    // The quote block below the paraphrase is the second citation: note 2, as in the export.
    await expect.poll(() => block.locator('.citation-number').innerText()).toBe('2')

    // The sources list numbers the one cited source.
    await adaPage.keyboard.press('Control+End')
    await adaPage.getByRole('button', { name: 'Insert sources list' }).click()
    const list = adaPage.locator('.sources-list-block')
    await list.locator('.sources-entry', { hasText: 'Corridor talks stall' }).waitFor()
    await expect(list.locator('.sources-entry__number').allInnerTexts()).resolves.toEqual(['1'])
    await adaPage.locator('.paper').screenshot(shot('quote-edited-and-sources-list.png'))

    expect(pageErrors.filter((e) => e.startsWith('ada-edit'))).toEqual([])
  })

  it('lets a viewer read sources and quotes but change nothing', async () => {
    const id = await sharedBriefing('Read only')
    const res = await ada.api(`/api/briefings/${id}/sources`, {
      method: 'POST',
      body: { type: 'text', text: WIRE_STORY },
    })
    expect(res.status).toBe(201)
    const adaPage = await openPage(ada, 'ada-viewer')
    await openBriefing(adaPage, id)
    await panel(adaPage)
      .getByRole('button', { name: /Corridor talks stall/ })
      .click()
    await panel(adaPage)
      .locator('.quote-card', { hasText: SOLBERG })
      .getByRole('button', { name: 'Insert' })
      .click()

    const linPage = await openPage(lin, 'lin')
    await openBriefing(linPage, id, false)
    const block = quoteBlock(linPage, SOLBERG)
    await block.getByText(/^Verified/).waitFor()
    expect(await block.getByRole('button', { name: 'Trim' }).count()).toBe(0)
    expect(await block.getByRole('button', { name: 'Remove' }).count()).toBe(0)
    expect(await panel(linPage).getByRole('button', { name: 'Add source' }).count()).toBe(0)
    await panel(linPage)
      .getByRole('button', { name: /Corridor talks stall/ })
      .click()
    await panel(linPage).getByRole('region', { name: 'Marta Solberg' }).waitFor()
    expect(await panel(linPage).getByRole('button', { name: 'Insert' }).count()).toBe(0)
    expect(await linPage.getByRole('button', { name: 'Insert sources list' }).isDisabled()).toBe(
      true,
    )

    expect(pageErrors.filter((e) => e.startsWith('lin') || e.startsWith('ada-viewer'))).toEqual([])
  })
})
