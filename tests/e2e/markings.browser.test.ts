/**
 * [BN] Portion marks and the live banner in two real Chromium windows: Ada marks paragraphs
 * from the block's control and from Mod-Alt-M, and Grace, in her own browser, sees the banner
 * roll up as Ada raises and lowers them. A roll-up that releases to nobody is an error on the
 * page. Screenshots (test-artifacts/markings-*.png) at desktop width, 390 px and dark.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { ARTIFACTS_DIR, builtClient, launchChromium, openTrackedPage } from './browser'

const POLL = { timeout: 20_000 }
const banner = (page: Page) => page.getByTestId('marking-banner')
const editableBody = (page: Page) => page.locator('.document[contenteditable="true"]')
const paragraph = (page: Page, n: number) => page.locator('.document > p').nth(n)

describe('portion marks and the live banner in the browser', () => {
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

  async function sharedBriefing(title: string): Promise<string> {
    const id = await createBriefingAs(ada, title)
    const share = await ada.api(`/api/briefings/${id}/shares`, {
      method: 'PUT',
      body: { email: grace.email, role: 'editor' },
    })
    expect(share.ok).toBe(true)
    return id
  }

  /** Marks the paragraph holding the caret through the menu, choosing `level`'s label. */
  async function markCaretBlock(page: Page, level: string, release?: string): Promise<void> {
    const menu = page.locator('.portion-menu')
    await menu.waitFor()
    await menu.getByLabel(level, { exact: true }).check()
    if (release !== undefined) await menu.getByLabel(/Releasable to/).fill(release)
    await menu.getByRole('button', { name: 'Mark' }).click()
    await menu.waitFor({ state: 'detached' })
  }

  it('[BN1] one person raises and lowers a paragraph; the other sees the banner follow', async () => {
    const id = await sharedBriefing('Partner briefing')
    const adaPage = await openPage(ada, 'ada')
    const gracePage = await openPage(grace, 'grace')
    await adaPage.goto(`/b/${id}`)
    await gracePage.goto(`/b/${id}`)

    await editableBody(adaPage).click()
    await adaPage.keyboard.type('Routine overview for partners.')
    await adaPage.keyboard.press('Enter')
    await adaPage.keyboard.type('Indicators shared by a partner.')
    await expect.poll(() => paragraph(gracePage, 1).innerText(), POLL).toContain('partner')
    // Nothing marked and no scheme chosen: no banner, and no scheme code loaded.
    expect(await banner(gracePage).count()).toBe(0)

    // The second paragraph by shortcut: the banner appears for Grace and rolls up to AMBER.
    await adaPage.keyboard.press('Control+Alt+m')
    await markCaretBlock(adaPage, 'TLP:AMBER')
    await expect.poll(() => banner(gracePage).innerText(), POLL).toBe('TLP:AMBER')
    await expect
      .poll(() => paragraph(gracePage, 1).getAttribute('data-marking'), POLL)
      .toBe('TLP:AMBER')

    // The first paragraph from its control: RED is higher, so the banner rises.
    await paragraph(adaPage, 0).click()
    await adaPage.locator('.portion-control').click()
    await markCaretBlock(adaPage, 'TLP:RED')
    await expect.poll(() => banner(gracePage).innerText(), POLL).toBe('TLP:RED')
    await expect.poll(() => banner(adaPage).innerText(), POLL).toBe('TLP:RED')
    await gracePage.screenshot({ path: path.join(ARTIFACTS_DIR, 'markings-banner-desktop.png') })

    // Lowered back to the default: the banner falls to what is left, AMBER.
    await adaPage.locator('.portion-control').click()
    await markCaretBlock(adaPage, 'Default (TLP:CLEAR)')
    await expect.poll(() => banner(gracePage).innerText(), POLL).toBe('TLP:AMBER')
    expect(await paragraph(gracePage, 0).getAttribute('data-marking')).toBeNull()

    // At phone width in dark mode: the banner and the open menu.
    // Reloaded, as a phone opens it: the sources panel starts closed below 1180 px.
    await adaPage.setViewportSize({ width: 390, height: 844 })
    await adaPage.emulateMedia({ colorScheme: 'dark' })
    await adaPage.reload()
    await expect.poll(() => banner(adaPage).innerText(), POLL).toBe('TLP:AMBER')
    await editableBody(adaPage).waitFor()
    await paragraph(adaPage, 1).click()
    await adaPage.keyboard.press('Control+Alt+m')
    await adaPage.locator('.portion-menu').waitFor()
    await adaPage.screenshot({ path: path.join(ARTIFACTS_DIR, 'markings-menu-390-dark.png') })
    await adaPage.keyboard.press('Escape')
    await gracePage.setViewportSize({ width: 390, height: 844 })
    await gracePage.emulateMedia({ colorScheme: 'dark' })
    await gracePage.reload()
    await expect.poll(() => banner(gracePage).innerText(), POLL).toBe('TLP:AMBER')
    await gracePage.screenshot({ path: path.join(ARTIFACTS_DIR, 'markings-banner-390-dark.png') })
    expect(pageErrors).toEqual([])
  })

  it('[BN2] a scheme chosen in the settings; release lists with no country in common show an error instead of a banner', async () => {
    const id = await sharedBriefing('Coalition briefing')
    const adaPage = await openPage(ada, 'ada-coalition')
    const gracePage = await openPage(grace, 'grace-coalition')
    await adaPage.goto(`/b/${id}`)
    await gracePage.goto(`/b/${id}`)
    await editableBody(adaPage).waitFor()
    // Ada chooses the classification scheme in the document settings; Grace's banner appears.
    await adaPage.getByRole('button', { name: 'Export', exact: true }).click()
    await adaPage.getByRole('menuitem', { name: /^Document settings/ }).click()
    const dialog = adaPage.getByRole('dialog', { name: 'Document settings' })
    await dialog.getByRole('radio', { name: /Classification/ }).check()
    await dialog.getByText('Portion marks').scrollIntoViewIfNeeded()
    await adaPage.screenshot({ path: path.join(ARTIFACTS_DIR, 'markings-settings-desktop.png') })
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => banner(gracePage).innerText(), POLL).toBe('UNCLASSIFIED')

    await editableBody(adaPage).click()
    await adaPage.keyboard.type('From the allies.')
    await adaPage.keyboard.press('Control+Alt+m')
    await markCaretBlock(adaPage, 'SECRET', 'USA, GBR')
    await expect.poll(() => banner(gracePage).innerText(), POLL).toBe('SECRET//REL TO USA, GBR')
    await adaPage.keyboard.press('End')
    await adaPage.keyboard.press('Enter')
    await adaPage.keyboard.type('From a neighbour.')
    await adaPage.keyboard.press('Control+Alt+m')
    await markCaretBlock(adaPage, 'CONFIDENTIAL', 'CAN')
    await expect
      .poll(() => banner(gracePage).innerText(), POLL)
      .toMatch(/No banner: the portions may be released to no country in common/)
    await expect.poll(() => banner(adaPage).getAttribute('role'), POLL).toBe('alert')
    await adaPage.screenshot({ path: path.join(ARTIFACTS_DIR, 'markings-error-desktop.png') })
    expect(pageErrors).toEqual([])
  })
})
