/**
 * Managing sources in real Chromium against the real server: correcting a source's details
 * (seen live in a second window), a removal refused while the text cites the source and done
 * once it does not, a duplicate import that opens the source already there, the reason an
 * empty paste cannot be added, and a failed web-address import worded about the address.
 * Screenshots: desktop, a 390 px phone, and a dark colour scheme.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getSource } from '../../shared/sources'
import { createExportBriefing, type ExportBriefing } from '../export/fixture'
import { startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'
import { ARTIFACTS_DIR, builtClient, launchChromium, openTrackedPage } from './browser'

const STATEMENT =
  'Harbour board statement\n\nThe harbour board said on Tuesday that the northern berths would stay shut. "We are not taking risks with the breakwater," said Mara Quist, the board’s chief engineer.'

const panel = (page: Page) => page.getByRole('complementary', { name: 'Sources' })
const shot = (name: string) => ({ path: path.join(ARTIFACTS_DIR, name) })

describe('managing sources in the browser', () => {
  let browser: Browser
  let server: TestServer
  let b: ExportBriefing
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    server = await startTestServer({ clientDir: builtClient() })
    b = await createExportBriefing(server)
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
  })
  afterAll(async () => {
    b?.client.destroy()
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  const openBriefing = async (label: string) => {
    const page = await openTrackedPage(browser, server.url, b.owner, label, {
      contexts,
      errors: pageErrors,
    })
    await page.goto(`/b/${encodeURIComponent(b.briefingId)}`)
    await page.locator('.document[contenteditable="true"]').waitFor()
    return page
  }
  const openSource = async (page: Page, title: string) => {
    await panel(page).locator('.source-card', { hasText: title }).click()
    await panel(page).getByRole('heading', { name: title }).waitFor()
  }

  it('corrects a source’s details, live in another window', async () => {
    const page = await openBriefing('ada')
    const other = await openBriefing('ada-2')
    await openSource(page, 'Harbor closes after storm')
    await panel(page).getByRole('button', { name: 'Edit details' }).click()
    const form = panel(page).getByRole('form', { name: 'Source details' })
    await form.getByLabel('Title').fill('   ')
    await form.getByRole('alert').getByText('A source needs a title.').waitFor()
    expect(await form.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true)
    await form.getByLabel('Title').fill('Harbour shut after storm')
    await form.getByLabel('Published').fill('2024-02-30')
    await form.getByRole('button', { name: 'Save' }).click()
    // The server's validation, worded and shown by the field.
    await form
      .getByRole('alert')
      .getByText(/must be a date/)
      .waitFor()
    await form.getByLabel('Published').fill('2024-03-04')
    await form.getByLabel('Byline').fill('By Jo Smith and Ana Lima')
    await page.screenshot(shot('sources-edit-details.png'))
    await form.getByRole('button', { name: 'Save' }).click()
    await form.waitFor({ state: 'detached' })
    await panel(page).getByRole('heading', { name: 'Harbour shut after storm' }).waitFor()
    await panel(other).locator('.source-card', { hasText: 'Harbour shut after storm' }).waitFor()
    const stored = getSource(b.client.doc, b.harbor.id)
    expect(stored).toMatchObject({
      title: 'Harbour shut after storm',
      byline: 'By Jo Smith and Ana Lima',
      publishedAt: '2024-03-04',
      // Untouched fields are not rewritten.
      publisher: 'Coastal Times',
      contentHash: b.harbor.contentHash,
    })
  })

  it('refuses to remove a cited source, naming where it is cited', async () => {
    const page = await openBriefing('ada-remove')
    await openSource(page, 'Harbour shut after storm')
    await panel(page).getByRole('button', { name: 'Remove source' }).click()
    await panel(page).getByText('Remove “Harbour shut after storm” from the briefing?').waitFor()
    await panel(page).getByRole('button', { name: 'Remove', exact: true }).click()
    const refusal = panel(page).getByRole('alert')
    await refusal.getByText('This source cannot be removed.').waitFor()
    const said = await refusal.innerText()
    expect(said).toContain('is still cited in 3 places')
    expect(said).toContain('the quote block “We will reopen on Monday” (Ana Lima)')
    expect(said).toContain('the citation on “bracing for large claims”')
    await page.screenshot(shot('sources-remove-refused.png'))
    expect(getSource(b.client.doc, b.harbor.id)).toBeDefined()
  })

  it('explains an empty paste, opens the source a duplicate import names, removes an unused one', async () => {
    const page = await openBriefing('ada-add')
    await panel(page)
      .locator('.sources-panel__header')
      .getByRole('button', { name: 'Add source' })
      .click()
    const dialog = page.getByRole('dialog', { name: 'Add source' })
    const add = dialog.getByRole('button', { name: 'Add source' })
    await dialog.getByText('Paste the text of the source to add it.').waitFor()
    expect(await add.isDisabled()).toBe(true)
    await dialog.getByLabel('Text of the source').fill('  \n\n   \n')
    const why = dialog.getByText('What is pasted is only spaces and line breaks')
    await why.waitFor()
    expect(await add.isDisabled()).toBe(true)
    // The reason is the disabled button's description, for screen readers too.
    const describedBy = await add.getAttribute('aria-describedby')
    expect(await why.getAttribute('id')).toBe(describedBy)
    await dialog.screenshot(shot('sources-add-blank-paste.png'))

    // A site that cannot be reached is about that site, never about the Briefing server.
    await dialog.getByRole('tab', { name: 'Web address' }).click()
    await dialog.getByLabel('Web address of the article').fill('https://no-such-host.invalid/story')
    await add.click()
    const failure = dialog.getByRole('alert')
    await failure.getByText('The site could not be reached').waitFor()
    expect(await failure.innerText()).toContain('https://no-such-host.invalid/story')
    expect(await failure.innerText()).not.toContain('Briefing server')
    await dialog.screenshot(shot('sources-add-unreachable.png'))

    await dialog.getByRole('tab', { name: 'Paste text' }).click()
    await dialog.getByLabel('Text of the source').fill(STATEMENT)
    await dialog.getByRole('button', { name: /Add source|Try again/ }).click()
    await dialog.waitFor({ state: 'detached' })
    await panel(page).getByRole('heading', { name: 'Harbour board statement' }).waitFor()
    await panel(page).getByRole('button', { name: 'All sources' }).click()

    // The same text again: nothing is added, the source already there is opened.
    await panel(page)
      .locator('.sources-panel__header')
      .getByRole('button', { name: 'Add source' })
      .click()
    await dialog.getByLabel('Text of the source').fill(STATEMENT)
    await add.click()
    await dialog.waitFor({ state: 'detached' })
    await panel(page)
      .getByText(/already a source of the briefing/)
      .waitFor()
    await panel(page).getByRole('heading', { name: 'Harbour board statement' }).waitFor()
    expect(await panel(page).locator('.sources-panel__count').innerText()).toBe('3')
    await page.screenshot(shot('sources-duplicate-opened.png'))

    // Nothing cites it, so it can go.
    await panel(page).getByRole('button', { name: 'Remove source' }).click()
    await panel(page).getByRole('button', { name: 'Remove', exact: true }).click()
    await panel(page).getByText('Removed “Harbour board statement” from the briefing.').waitFor()
    await expect.poll(() => panel(page).locator('.sources-panel__count').innerText()).toBe('2')
    await waitFor(
      () =>
        !Array.from(b.client.doc.getMap('sources').keys()).some(
          (id) => id !== b.harbor.id && id !== b.ministry.id,
        ),
      'the removal reached the other client',
    )
  })

  it('looks right on a phone and in a dark colour scheme', async () => {
    const page = await openBriefing('ada-phone')
    await page.setViewportSize({ width: 390, height: 844 })
    await page.emulateMedia({ colorScheme: 'dark' })
    if (!(await panel(page).isVisible())) {
      await page.getByRole('button', { name: 'Sources panel' }).click()
    }
    await openSource(page, 'Harbour shut after storm')
    await panel(page).getByRole('button', { name: 'Edit details' }).click()
    await page.screenshot(shot('sources-edit-details-phone-dark.png'))
    await panel(page).getByRole('button', { name: 'Cancel' }).click()
    await panel(page).getByRole('button', { name: 'Remove source' }).click()
    await panel(page).getByRole('button', { name: 'Remove', exact: true }).click()
    await panel(page).getByRole('alert').getByText('This source cannot be removed.').waitFor()
    await page.screenshot(shot('sources-remove-refused-phone-dark.png'))
    expect(pageErrors.filter((e) => !/409|Failed to load resource/.test(e))).toEqual([])
  })
})
