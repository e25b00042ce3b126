/**
 * Export and document settings in real Chromium windows against the real server: an editor
 * sets a marking, endnotes and a citation style in the settings dialog and every window sees
 * them live; the Export menu downloads a PDF and Markdown that carry them; an export of a
 * quote altered behind the editor's back, and of characters no PDF font has, warns the user
 * once the file is saved; and a failed export shows the server's message.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { JSONContent } from '@tiptap/core'
import type { Browser, BrowserContext, Download, Page, Route } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { readBriefingSettings } from '../../shared/briefing/settings'
import {
  briefingContent,
  createExportBriefing,
  type ExportBriefing,
  tamperQuoteText,
} from '../export/fixture'
import { pdfText } from '../export/read'
import { docText } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { waitFor } from '../helpers/waitFor'
import { ARTIFACTS_DIR, builtClient, launchChromium, openTrackedPage } from './browser'

const MARKING = 'CONFIDENTIAL - TEAM ONLY'
const BODY_TEXT = 'The harbour reopens on Monday, officials said.'

const editableBody = (page: Page) => page.locator('.document[contenteditable="true"]')
const exportButton = (page: Page) => page.getByRole('button', { name: 'Export', exact: true })
const exportMenu = (page: Page) => page.getByRole('menu', { name: 'Export' })
const settingsDialog = (page: Page) => page.getByRole('dialog', { name: 'Document settings' })
const shot = (name: string) => path.join(ARTIFACTS_DIR, name)

/** The top right of the window, where the header's controls and their popups are. */
const headerCorner = { x: 1280 - 720, y: 0, width: 720, height: 460 }

describe('export and document settings in the browser', () => {
  let browser: Browser
  let server: TestServer
  let clientDir: string
  let ada: TestUser
  let grace: TestUser
  let lin: TestUser
  const contexts: BrowserContext[] = []
  const fixtures: ExportBriefing[] = []
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
    for (const fixture of fixtures) fixture.client.destroy()
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  const openPage = (user: TestUser, label: string): Promise<Page> =>
    openTrackedPage(browser, server.url, user, label, { contexts, errors: pageErrors })

  async function openBriefing(page: Page, id: string, editable = true): Promise<void> {
    await page.goto(`/b/${encodeURIComponent(id)}`)
    await (editable ? editableBody(page) : page.locator('.document')).waitFor()
  }

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

  /** The server's own copy of the briefing, once `ready` holds for it. */
  async function serverDoc(id: string, ready: (doc: Y.Doc) => boolean, what: string) {
    return waitFor(() => {
      const doc = server.registry.get(id)?.doc
      return doc && ready(doc) ? doc : null
    }, what)
  }

  /** Holds the next export request at the network until the test lets it go. */
  function holdNextExport(page: Page): Promise<Route> {
    return new Promise((resolve) => {
      void page.route((url) => url.pathname.endsWith('/export'), resolve, { times: 1 })
    })
  }

  /** Chooses `format` in the Export menu and returns the download it starts. */
  async function exportAs(page: Page, format: RegExp): Promise<Download> {
    const download = page.waitForEvent('download')
    await exportButton(page).click()
    await exportMenu(page).getByRole('menuitem', { name: format }).click()
    return download
  }

  async function downloaded(download: Download): Promise<Buffer> {
    const file = await download.path()
    return fs.readFileSync(file)
  }

  it('sets a marking and endnotes for everyone, and exports PDF and Markdown with them', async () => {
    const id = await sharedBriefing('Harbour reopening')
    const gracePage = await openPage(grace, 'grace')
    const linPage = await openPage(lin, 'lin')
    await openBriefing(gracePage, id)
    await openBriefing(linPage, id, false)
    await editableBody(gracePage).click()
    await gracePage.keyboard.type(BODY_TEXT)
    expect(await gracePage.getByTestId('marking-badge').count()).toBe(0)

    // The editor sets the marking with a preset, endnotes and APA.
    await exportButton(gracePage).click()
    await exportMenu(gracePage)
      .getByRole('menuitem', { name: /^Document settings/ })
      .click()
    const dialog = settingsDialog(gracePage)
    await dialog.getByRole('radio', { name: /Chicago/ }).waitFor()
    expect(await dialog.getByRole('radio', { name: /Chicago/ }).isChecked()).toBe(true)
    expect(await dialog.getByRole('radio', { name: /Footnotes/ }).isChecked()).toBe(true)
    expect(await dialog.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true)
    await dialog.getByRole('button', { name: MARKING }).click()
    expect(await dialog.getByLabel('Handling marking').inputValue()).toBe(MARKING)
    expect(await dialog.getByRole('button', { name: MARKING }).getAttribute('aria-pressed')).toBe(
      'true',
    )
    await dialog.getByRole('radio', { name: /Endnotes/ }).check()
    await dialog.getByRole('radio', { name: /APA/ }).check()
    await dialog.screenshot({ path: shot('export-settings-dialog.png') })
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'detached' })

    // Every window shows the marking at once, the viewer's too, in the header and on the page.
    for (const page of [gracePage, linPage]) {
      await page.getByTestId('marking-badge').getByText(MARKING).waitFor()
      await page.locator('.paper-marking', { hasText: MARKING }).waitFor()
    }
    await linPage.screenshot({
      path: shot('export-marking-badge-viewer.png'),
      clip: { x: 0, y: 0, width: 1280, height: 300 },
    })
    await gracePage.screenshot({
      path: shot('export-marking-badge-editor.png'),
      clip: { x: 0, y: 0, width: 1280, height: 300 },
    })

    // The viewer sees the same settings and cannot change them.
    await linPage.getByTestId('marking-badge').click()
    const linDialog = settingsDialog(linPage)
    await linDialog.getByText('Only the briefing’s editors and owners can change these.').waitFor()
    expect(await linDialog.getByLabel('Handling marking').inputValue()).toBe(MARKING)
    expect(await linDialog.getByLabel('Handling marking').isDisabled()).toBe(true)
    expect(await linDialog.getByRole('radio', { name: /Endnotes/ }).isChecked()).toBe(true)
    expect(await linDialog.getByRole('radio', { name: /APA/ }).isChecked()).toBe(true)
    expect(await linDialog.getByRole('radio', { name: /Vancouver/ }).isDisabled()).toBe(true)
    expect(await linDialog.getByRole('button', { name: 'Save' }).count()).toBe(0)
    await linDialog.screenshot({ path: shot('export-settings-read-only.png') })
    await linDialog.getByRole('button', { name: 'Close' }).click()
    await linDialog.waitFor({ state: 'detached' })

    // What the export reads is the server's copy; wait until it has the text and settings.
    await serverDoc(
      id,
      (doc) =>
        docText(doc).includes(BODY_TEXT) && readBriefingSettings(doc).settings.marking === MARKING,
      'the server holds the text and the settings',
    )

    // The menu, with the settings the export will use.
    await exportButton(gracePage).click()
    const menu = exportMenu(gracePage)
    await menu.getByText('APA · endnotes').waitFor()
    expect(await menu.getByRole('menuitem').allInnerTexts()).toEqual([
      'PDF\nTypeset with marking and page numbers',
      'Word (.docx)\nEditable, with real footnotes',
      'Markdown\nPlain text for wikis and repositories',
      'HTML\nA standalone web page',
      'Word with comments\nOpen comment threads as Word comments',
      'Document settings…\nAPA · endnotes',
    ])
    await gracePage.screenshot({ path: shot('export-menu.png'), clip: headerCorner })
    await gracePage.keyboard.press('Escape')
    await menu.waitFor({ state: 'detached' })

    // PDF, held at the network long enough to see the progress on the button.
    const held = holdNextExport(gracePage)
    const pdfDownload = exportAs(gracePage, /^PDF/)
    const route = await held
    const progress = gracePage.getByRole('button', { name: 'Typesetting PDF…' })
    await progress.waitFor()
    await progress.locator('.spinner').waitFor()
    await gracePage.screenshot({ path: shot('export-progress.png'), clip: headerCorner })
    await route.continue()
    const pdfFile = await pdfDownload
    expect(pdfFile.suggestedFilename()).toBe('Harbour reopening.pdf')
    // The confirmation goes away by itself after a few seconds; look at it first.
    await gracePage.getByRole('status').getByText('Harbour reopening.pdf').waitFor()
    await exportButton(gracePage).waitFor()
    await gracePage.screenshot({ path: shot('export-saved.png'), clip: headerCorner })
    const pdf = await downloaded(pdfFile)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const { text } = await pdfText(pdf)
    expect(text).toContain(MARKING)
    expect(text).toContain(BODY_TEXT)
    expect(text).toContain('APA, endnotes')

    // Markdown, exported by the viewer: viewers may export.
    const mdFile = await exportAs(linPage, /^Markdown/)
    expect(mdFile.suggestedFilename()).toBe('Harbour reopening.md')
    const md = (await downloaded(mdFile)).toString('utf8')
    expect(md.startsWith(`**${MARKING}**\n\n# Harbour reopening\n`)).toBe(true)
    expect(md).toContain('**Citations:** APA')
    expect(md).toContain(BODY_TEXT)
    expect(md.trimEnd().endsWith(`**${MARKING}**`)).toBe(true)

    // Clearing the marking with "None" removes the badge everywhere.
    await gracePage.getByTestId('marking-badge').click()
    await settingsDialog(gracePage).getByRole('button', { name: 'None' }).click()
    expect(await settingsDialog(gracePage).getByLabel('Handling marking').inputValue()).toBe('')
    await settingsDialog(gracePage).getByRole('button', { name: 'Save' }).click()
    for (const page of [gracePage, linPage]) {
      await expect.poll(() => page.getByTestId('marking-badge').count()).toBe(0)
      expect(await page.locator('.paper-marking').count()).toBe(0)
    }

    expect(pageErrors.filter((e) => e.startsWith('grace') || e.startsWith('lin'))).toEqual([])
  })

  it('warns after the download about an altered quote and characters the PDF cannot print', async () => {
    const withCjk = (...sources: Parameters<typeof briefingContent>): JSONContent => {
      const doc = briefingContent(...sources)
      doc.content!.push({ type: 'paragraph', content: [{ type: 'text', text: 'Port of 上海' }] })
      return doc
    }
    const b = await createExportBriefing(server, { marking: 'OFFICIAL-SENSITIVE' }, withCjk)
    fixtures.push(b)
    // A raw Y.Doc edit from Node changes the quoted words behind every editor's back.
    tamperQuoteText(b.client, 'q-harbor', 'We will reopen on Friday')
    const page = await openPage(b.owner, 'owner')
    await openBriefing(page, b.briefingId)
    await page
      .locator('.quote-block', { hasText: 'reopen on Friday' })
      .getByText('ALTERED — does not match the source')
      .waitFor()
    await page.getByTestId('marking-badge').getByText('OFFICIAL-SENSITIVE').waitFor()

    const file = await exportAs(page, /^PDF/)
    const { text } = await pdfText(await downloaded(file))
    expect(text).toContain('UNVERIFIED')
    const card = page.getByRole('alert').filter({ hasText: 'Check the file before you share it' })
    await card
      .getByText('1 quote could not be verified and is marked UNVERIFIED in the export.')
      .waitFor()
    await card.getByText(file.suggestedFilename()).waitFor()
    await card
      .getByText('no font has a glyph for U+4E0A "上" (once); it prints as a blank box')
      .waitFor()
    await card
      .getByText('no font has a glyph for U+6D77 "海" (once); it prints as a blank box')
      .waitFor()
    await page.screenshot({ path: shot('export-warnings.png'), clip: headerCorner })

    // It stays until dismissed.
    await card.getByRole('button', { name: 'Dismiss' }).click()
    await card.waitFor({ state: 'detached' })

    expect(pageErrors.filter((e) => e.startsWith('owner'))).toEqual([])
  })

  it('shows the server’s message when an export fails, and tries again', async () => {
    const id = await sharedBriefing('Failing export')
    const page = await openPage(grace, 'grace-fail')
    await openBriefing(page, id)
    await editableBody(page).click()
    await page.keyboard.type(BODY_TEXT)
    await serverDoc(id, (doc) => docText(doc).includes(BODY_TEXT), 'the server holds the text')
    // The real server typesets this briefing fine; a broken template is what fails, so the
    // first answer is the one the server gives then (tests/export covers the server side).
    await page.route(
      (url) => url.pathname.endsWith('/export'),
      (route) =>
        route.fulfill({
          status: 500,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'export_failed', message: 'error: unknown variable: nope' },
          }),
        }),
      { times: 1 },
    )
    await exportButton(page).click()
    await exportMenu(page).getByRole('menuitem', { name: /^PDF/ }).click()
    const card = page.getByRole('alert').filter({ hasText: 'Could not export the PDF' })
    await card.getByText('Error: unknown variable: nope.').waitFor()
    await page.screenshot({ path: shot('export-failed.png'), clip: headerCorner })

    const retry = page.waitForEvent('download')
    await card.getByRole('button', { name: 'Try again' }).click()
    expect((await retry).suggestedFilename()).toBe('Failing export.pdf')
    await card.waitFor({ state: 'detached' })

    // The mocked 500 is logged by the browser as a failed resource; nothing else may be.
    expect(
      pageErrors.filter((e) => e.startsWith('grace-fail') && !/Failed to load resource/.test(e)),
    ).toEqual([])
  })
})
