/**
 * The toolbar and the small forms inside the editor, in real Chromium against the real server:
 * the link and cite popovers under the toolbar (apply, refuse bad input, update, remove, close
 * on Escape or a click elsewhere), the quote block's trim and clarify editors (pick words, see
 * what is wrong before applying, cancel) and the format toggles with undo and redo. The
 * sources test walks the happy path of the quote editors; this one pins the rest.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { builtClient, launchChromium, openTrackedPage } from './browser'
import { skipStepsAfterAFailure } from './storySteps'

const FIXTURES = path.resolve(path.resolve('.'), '..', 'shared', 'fixtures', 'sources')
const ACHEBE = 'The substance of their objection is the same one they raised in April.'

const editableBody = (page: Page) => page.locator('.document[contenteditable="true"]')
const panel = (page: Page) => page.getByRole('complementary', { name: 'Sources' })
const focusedInEditor = (page: Page) =>
  page.evaluate(() => document.activeElement?.classList.contains('document') ?? false)

describe('the toolbar and the editor’s forms in the browser', () => {
  let browser: Browser
  let server: TestServer
  let ada: TestUser
  let page: Page
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  skipStepsAfterAFailure()

  beforeAll(async () => {
    browser = await launchChromium()
    server = await startTestServer({ clientDir: builtClient() })
    ada = await signUp(server.url, { name: 'Ada Lovelace' })
    const id = await createBriefingAs(ada, 'Forms')
    const res = await ada.api(`/api/briefings/${id}/sources`, {
      method: 'POST',
      body: {
        type: 'text',
        text: fs.readFileSync(path.join(FIXTURES, 'corridor-talks.txt'), 'utf8'),
      },
    })
    expect(res.status).toBe(201)
    page = await openTrackedPage(browser, server.url, ada, 'ada', {
      contexts,
      errors: pageErrors,
    })
    await page.goto(`/b/${encodeURIComponent(id)}`)
    await editableBody(page).waitFor()
    await panel(page)
      .getByRole('button', { name: /Corridor talks stall/ })
      .click()
    await panel(page)
      .getByRole('heading', { name: /Corridor talks stall/ })
      .waitFor()
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  it('links the selected words, refuses a bad address, updates, closes and removes the link', async () => {
    const popover = page.locator('form.link-popover')
    const address = popover.getByLabel('Link address')
    await editableBody(page).click()
    await page.keyboard.type('See the report')
    for (let i = 0; i < 'report'.length; i++) await page.keyboard.press('Shift+ArrowLeft')

    await page.getByRole('button', { name: 'Link' }).click()
    await expect.poll(() => address.evaluate((el) => el === document.activeElement)).toBe(true)
    await expect(popover.getByRole('button', { name: 'Remove link' }).count()).resolves.toBe(0)
    await address.fill('javascript:alert(1)')
    await popover.getByRole('button', { name: 'Add link' }).click()
    await expect(popover.getByRole('alert').innerText()).resolves.toBe(
      'Links must start with http://, https:// or mailto:.',
    )
    await expect(address.getAttribute('aria-invalid')).resolves.toBe('true')
    // Typing clears the complaint.
    await address.fill('example.com/report')
    await expect(popover.getByRole('alert').count()).resolves.toBe(0)
    await expect(address.getAttribute('aria-invalid')).resolves.toBe('false')
    await popover.getByRole('button', { name: 'Add link' }).click()
    await popover.waitFor({ state: 'detached' })
    const link = page.locator('.document a')
    await expect(link.getAttribute('href')).resolves.toBe('https://example.com/report')
    await expect(link.innerText()).resolves.toBe('report')
    await expect.poll(() => focusedInEditor(page)).toBe(true)

    // With the caret in the link, Mod-k opens it for editing; Escape closes it into the text.
    await link.click()
    await page.keyboard.press('Control+k')
    await expect(address.inputValue()).resolves.toBe('https://example.com/report')
    await popover.getByRole('button', { name: 'Update' }).waitFor()
    await page.keyboard.press('Escape')
    await popover.waitFor({ state: 'detached' })
    await expect.poll(() => focusedInEditor(page)).toBe(true)

    // A click anywhere outside closes it without changing anything.
    await page.keyboard.press('Control+k')
    await address.fill('example.com/other')
    await page.getByRole('heading', { name: /Corridor talks stall/ }).click()
    await popover.waitFor({ state: 'detached' })
    await expect(link.getAttribute('href')).resolves.toBe('https://example.com/report')

    // Update the whole link from a caret inside it.
    await link.click()
    await page.keyboard.press('Control+k')
    await address.fill('https://example.com/final')
    await address.press('Enter')
    await popover.waitFor({ state: 'detached' })
    await expect(link.getAttribute('href')).resolves.toBe('https://example.com/final')
    await expect(link.innerText()).resolves.toBe('report')

    await link.click()
    await page.keyboard.press('Control+k')
    await popover.getByRole('button', { name: 'Remove link' }).click()
    await popover.waitFor({ state: 'detached' })
    await expect(link.count()).resolves.toBe(0)
    await expect(page.locator('.document p').first().innerText()).resolves.toBe('See the report')

    // With nothing selected, the address itself goes in as linked text.
    await page.keyboard.press('End')
    await page.keyboard.type(' at ')
    await page.keyboard.press('Control+k')
    await address.fill('https://example.org/x')
    await address.press('Enter')
    await popover.waitFor({ state: 'detached' })
    await expect(link.innerText()).resolves.toBe('https://example.org/x')
    await expect(link.getAttribute('href')).resolves.toBe('https://example.org/x')
  })

  it('cites the selection at a paragraph, refuses one the source lacks, updates and removes', async () => {
    const popover = page.locator('form.cite-popover')
    const paragraph = popover.getByLabel('Paragraph')
    const cite = page.locator('.document span[data-type="cite"]')
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Talks stalled.')
    await page.keyboard.press('Shift+Home')

    await page.getByRole('button', { name: 'Cite source for the selected words' }).click()
    await popover.getByText('Cite a source for the selection').waitFor()
    await expect(popover.getByRole('button', { name: 'Remove citation' }).count()).resolves.toBe(0)
    await expect
      .poll(() => popover.getByLabel('Source').evaluate((el) => el === document.activeElement))
      .toBe(true)
    await paragraph.fill('999')
    await popover.getByRole('button', { name: 'Cite', exact: true }).click()
    await expect(popover.getByRole('alert').innerText()).resolves.toMatch(
      /^The source has paragraphs 1 to \d+\.$/,
    )
    await expect(paragraph.getAttribute('aria-invalid')).resolves.toBe('true')
    // Only digits go in, and typing clears the complaint.
    await paragraph.fill('x2')
    await expect(paragraph.inputValue()).resolves.toBe('2')
    await expect(popover.getByRole('alert').count()).resolves.toBe(0)
    await page.keyboard.press('Escape')
    await popover.waitFor({ state: 'detached' })
    await expect(cite.count()).resolves.toBe(0)
    await expect.poll(() => focusedInEditor(page)).toBe(true)

    await page.getByRole('button', { name: 'Cite source for the selected words' }).click()
    await paragraph.fill('2')
    await popover.getByRole('button', { name: 'Cite', exact: true }).click()
    await popover.waitFor({ state: 'detached' })
    await expect(cite.getAttribute('data-paragraph')).resolves.toBe('2')
    await expect(cite.innerText()).resolves.toBe('Talks stalled.')

    // Opened from inside the citation, it edits that citation.
    await cite.click()
    await page.getByRole('button', { name: 'Edit citation' }).click()
    await popover.getByText('Cited passage').waitFor()
    await expect(paragraph.inputValue()).resolves.toBe('2')
    await paragraph.fill('')
    await popover.getByRole('button', { name: 'Update' }).click()
    await popover.waitFor({ state: 'detached' })
    await expect(cite.getAttribute('data-paragraph')).resolves.toBe(null)
    await expect(cite.innerText()).resolves.toBe('Talks stalled.')

    await cite.click()
    await page.getByRole('button', { name: 'Edit citation' }).click()
    await popover.getByRole('button', { name: 'Remove citation' }).click()
    await popover.waitFor({ state: 'detached' })
    await expect(cite.count()).resolves.toBe(0)
  })

  it('trims by clicking or painting words, and says why a trim or clarification cannot apply', async () => {
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await panel(page)
      .locator('.quote-card', { hasText: ACHEBE })
      .getByRole('button', { name: 'Insert' })
      .click()
    const block = page.locator('.quote-block', { hasText: 'raised in April' })
    await block.getByText(/^Verified/).waitFor()
    const token = (word: string) =>
      block.locator('.quote-token', { hasText: new RegExp(`^${word}$`) })

    // Trim: a click toggles a word; nothing cut, nothing to apply.
    await block.getByRole('button', { name: 'Trim' }).click()
    const applyTrim = block.getByRole('button', { name: 'Apply trim' })
    await expect(applyTrim.isDisabled()).resolves.toBe(true)
    await token('they').click()
    await expect(token('they').getAttribute('aria-pressed')).resolves.toBe('true')
    await expect(applyTrim.isDisabled()).resolves.toBe(false)
    await expect(block.locator('.quote-editor__result').innerText()).resolves.toContain('…')
    await token('they').click()
    await expect(token('they').getAttribute('aria-pressed')).resolves.toBe('false')
    await expect(applyTrim.isDisabled()).resolves.toBe(true)

    // Dragging paints every word it crosses.
    const from = await token('same').boundingBox()
    const to = await token('raised').boundingBox()
    if (!from || !to) throw new Error('quote tokens are not laid out')
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2)
    await page.mouse.down()
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 })
    await page.mouse.up()
    for (const word of ['same', 'one', 'they', 'raised']) {
      await expect(token(word).getAttribute('aria-pressed')).resolves.toBe('true')
    }
    await expect(token('in').getAttribute('aria-pressed')).resolves.toBe('false')

    // Every word cut leaves no quote.
    for (const t of await block.locator('.quote-token--word').all()) {
      if ((await t.getAttribute('aria-pressed')) === 'false') await t.click()
    }
    await expect(block.getByRole('alert').innerText()).resolves.toBe(
      'A quote needs at least one word.',
    )
    await expect(applyTrim.isDisabled()).resolves.toBe(true)
    await block.getByRole('button', { name: 'Cancel' }).click()
    await expect(block.locator('.quote-editor').count()).resolves.toBe(0)
    await expect(block.locator('.quote-block__text').innerText()).resolves.toContain(ACHEBE)

    // Clarify: brackets are refused; Shift-click extends the pick; nothing picked, nothing typed.
    await block.getByRole('button', { name: 'Clarify' }).click()
    const words = block.getByPlaceholder('Pick a word first')
    await expect(words.isDisabled()).resolves.toBe(true)
    await token('their').click()
    await token('objection').click({ modifiers: ['Shift'] })
    for (const word of ['their', 'objection']) {
      await expect(token(word).getAttribute('aria-pressed')).resolves.toBe('true')
    }
    await expect(token('substance').getAttribute('aria-pressed')).resolves.toBe('false')
    const input = block.getByPlaceholder('Words to show in [brackets]')
    const applyClarify = block.getByRole('button', { name: 'Apply clarification' })
    await expect(applyClarify.isDisabled()).resolves.toBe(true)
    await input.fill('[Veskaria]')
    await expect(block.getByRole('alert').innerText()).resolves.toBe(
      'Leave out the brackets; they are added for you.',
    )
    await expect(applyClarify.isDisabled()).resolves.toBe(true)
    await input.fill('Veskaria’s objection')
    await expect(block.getByRole('alert').count()).resolves.toBe(0)
    await expect(block.locator('.quote-editor__result').innerText()).resolves.toContain(
      '[Veskaria’s objection]',
    )
    await block.getByText('Insert after them').click()
    await expect(block.locator('.quote-editor__result').innerText()).resolves.toContain(
      'their objection [Veskaria’s objection]',
    )
    await expect(applyClarify.isDisabled()).resolves.toBe(false)
    await block.getByRole('button', { name: 'Cancel' }).click()
    await expect(block.locator('.quote-editor').count()).resolves.toBe(0)
    await expect(block.locator('.quote-block__text').innerText()).resolves.toContain(ACHEBE)
  })

  it('toggles formats from the toolbar, shows which apply at the caret, and undoes them', async () => {
    await page.goto(`/b/${encodeURIComponent(await createBriefingAs(ada, 'Formats'))}`)
    await editableBody(page).click()
    const button = (name: string) =>
      page.getByRole('toolbar').getByRole('button', { name, exact: true })
    const pressed = (name: string) => button(name).getAttribute('aria-pressed')
    await expect(button('Undo your last change').isDisabled()).resolves.toBe(true)
    await page.keyboard.type('Heading words')

    await button('Heading 2').click()
    await expect(page.locator('.document h2').innerText()).resolves.toBe('Heading words')
    await expect(pressed('Heading 2')).resolves.toBe('true')
    await expect(pressed('Heading 1')).resolves.toBe('false')
    await button('Heading 2').click()
    await expect(page.locator('.document h2').count()).resolves.toBe(0)
    await expect(pressed('Heading 2')).resolves.toBe('false')

    for (let i = 0; i < 'words'.length; i++) await page.keyboard.press('Shift+ArrowLeft')
    await button('Bold').click()
    await button('Italic').click()
    await expect(
      page.locator('.document strong em, .document em strong').innerText(),
    ).resolves.toBe('words')
    await expect(pressed('Bold')).resolves.toBe('true')
    await expect(pressed('Italic')).resolves.toBe('true')
    await button('Italic').click()
    await expect(page.locator('.document em').count()).resolves.toBe(0)
    await expect(pressed('Italic')).resolves.toBe('false')

    for (const [name, selector] of [
      ['Bulleted list', '.document ul li'],
      ['Numbered list', '.document ol li'],
      ['Quote', '.document blockquote'],
    ] as const) {
      await button(name).click()
      await expect(page.locator(selector).innerText()).resolves.toBe('Heading words')
      await expect(pressed(name)).resolves.toBe('true')
      await button(name).click()
      await expect(page.locator(selector).count()).resolves.toBe(0)
      await expect(pressed(name)).resolves.toBe('false')
    }

    // Undo and redo are plain actions, not toggles: undo takes the document back (how far
    // depends on how the undo manager grouped the steps), redo forward to the same text.
    await expect(pressed('Undo your last change')).resolves.toBe(null)
    await expect(button('Redo').isDisabled()).resolves.toBe(true)
    const html = () => page.locator('.document').innerHTML()
    const edited = await html()
    await button('Undo your last change').click()
    await expect.poll(html).not.toBe(edited)
    await expect(button('Redo').isDisabled()).resolves.toBe(false)
    await button('Redo').click()
    await expect.poll(() => page.locator('.document blockquote, .document li').count()).toBe(0)
    await expect.poll(() => page.locator('.document').innerText()).toContain('Heading words')
    await expect(page.locator('.document strong').innerText()).resolves.toBe('words')

    expect(pageErrors).toEqual([])
  })
})
