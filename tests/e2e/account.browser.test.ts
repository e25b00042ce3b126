/**
 * Changing one's own name and password from the settings page: a real server and the built
 * client in real Chromium, under a strict CSP. Ada renames herself and sees the new name in
 * the header and, through her caret, on Grace's screen; she changes her password, which ends
 * her session in another browser; she signs out and back in with the new password.
 *
 * The steps run in order and share the people and pages they create, like one user story.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import {
  createBriefingAs,
  sessionCookie,
  signUp,
  TEST_PASSWORD,
  type TestUser,
  userFor,
} from '../helpers/users'
import { ARTIFACTS_DIR, builtClient, launchChromium, openTrackedPage } from './browser'
import { skipStepsAfterAFailure } from './storySteps'

const NEW_PASSWORD = 'an entirely new passphrase'
// Signing in hashes a password on the server, which can take longer than expect.poll's 1 s.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 })
const caretLabel = (page: Page, name: string) =>
  page.locator('.collaboration-carets__label', { hasText: name })
const connectionState = (page: Page) => page.locator('.connection-badge').getAttribute('data-state')
// Expected noise: the browser logs every 401 response (wrong password, ended session) and
// the 400 that refuses a common password.
const EXPECTED_CONSOLE = /Failed to load resource: the server responded with a status of 40[01]/

describe('changing name and password in the browser', () => {
  let browser: Browser
  let server: TestServer
  let ada: TestUser
  let grace: TestUser
  let briefingId = ''
  /** Ada's settings page, in the browser she changes things from. */
  let adaPage: Page
  /** Ada signed in a second time, in another browser, with the briefing open. */
  let elsewherePage: Page
  let gracePage: Page
  const track = { contexts: [] as BrowserContext[], errors: [] as string[] }

  beforeAll(async () => {
    browser = await launchChromium()
    server = await startTestServer({ clientDir: builtClient() })
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
    ada = await signUp(server.url, { name: 'Ada Lovelace' })
    grace = await signUp(server.url, { name: 'Grace Hopper' })
    briefingId = await createBriefingAs(ada, 'Morning brief')
    const shared = await ada.api(`/api/briefings/${briefingId}/shares`, {
      method: 'PUT',
      body: { email: grace.email, role: 'editor' },
    })
    expect(shared.status).toBe(200)
  })

  skipStepsAfterAFailure()

  afterAll(async () => {
    for (const context of track.contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  const editor = (page: Page) => page.locator('.document[contenteditable="true"]')
  const accountButton = (page: Page, name: string) =>
    page.getByRole('button', { name: `Account: ${name}` })

  async function openBriefing(page: Page) {
    await page.goto(`/b/${briefingId}`)
    await poll(() => connectionState(page)).toBe('connected')
  }

  it('renames Ada from the settings page; the header and Grace’s view of her caret follow', async () => {
    gracePage = await openTrackedPage(browser, server.url, grace, 'grace', track)
    await openBriefing(gracePage)
    adaPage = await openTrackedPage(browser, server.url, ada, 'ada', track)
    await adaPage.goto('/settings')
    const nameForm = adaPage.getByRole('form', { name: 'Display name' })
    const nameField = nameForm.getByLabel('Display name')
    await poll(() => nameField.inputValue()).toBe('Ada Lovelace')

    await nameField.fill('   ')
    await nameForm.getByRole('button', { name: 'Save' }).click()
    await nameForm.getByText('Enter your name.').waitFor()

    await nameField.fill('Ada King')
    await nameForm.getByRole('button', { name: 'Save' }).click()
    await nameForm.getByText('Your name is now “Ada King”.').waitFor()
    // No reload: the page's signed-in account took the server's answer.
    await accountButton(adaPage, 'Ada King').waitFor()
    await adaPage.locator('.profile__fields').getByText('Ada King').waitFor()
    await adaPage.screenshot({ path: path.join(ARTIFACTS_DIR, 'account-renamed.png') })
    const me = (await (await ada.api('/api/auth/me')).json()) as { user: { name: string } }
    expect(me.user.name).toBe('Ada King')

    // Within the same page load, the briefing she opens labels her caret with the new name.
    await adaPage.getByRole('link', { name: 'Briefings', exact: true }).click()
    await adaPage.getByRole('link', { name: /Morning brief/ }).click()
    await poll(() => connectionState(adaPage)).toBe('connected')
    await editor(adaPage).click()
    await adaPage.keyboard.type('Renamed.')
    await caretLabel(gracePage, 'Ada King').waitFor()
    expect(await caretLabel(gracePage, 'Ada Lovelace').count()).toBe(0)
  })

  it('changes the password: mistakes are shown inline, and the other browser is signed out', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ada.email, password: TEST_PASSWORD }),
    })
    expect(login.status).toBe(200)
    const adaElsewhere = userFor(server.url, { ...ada, cookie: sessionCookie(login) })
    elsewherePage = await openTrackedPage(browser, server.url, adaElsewhere, 'ada-elsewhere', track)
    await openBriefing(elsewherePage)

    await adaPage.goto('/settings')
    const form = adaPage.getByRole('form', { name: 'Password' })
    const submit = form.getByRole('button', { name: 'Change password' })
    await form.getByLabel('Current password').fill(TEST_PASSWORD)
    await form.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD)
    await form.getByLabel('Confirm new password').fill(`${NEW_PASSWORD}!`)
    await submit.click()
    await form.getByText('The two new passwords do not match.').waitFor()

    await form.getByLabel('Current password').fill('not the password')
    await form.getByLabel('Confirm new password').fill(NEW_PASSWORD)
    await submit.click()
    await form.getByText('The current password is wrong.').waitFor()
    expect(await form.getByLabel('Current password').getAttribute('aria-invalid')).toBe('true')
    await adaPage.screenshot({ path: path.join(ARTIFACTS_DIR, 'account-password-error.png') })

    // A password on the common-passwords list is refused by the server, shown at its field.
    const newField = form.getByLabel('New password', { exact: true })
    await form.getByLabel('Current password').fill(TEST_PASSWORD)
    await newField.fill('Password1234')
    await form.getByLabel('Confirm new password').fill('Password1234')
    await submit.click()
    await form.getByText('Is one of the most common passwords', { exact: false }).waitFor()
    expect(await newField.getAttribute('aria-invalid')).toBe('true')

    await newField.fill(NEW_PASSWORD)
    await form.getByLabel('Confirm new password').fill(NEW_PASSWORD)
    await submit.click()
    await form.getByText('Your password was changed.', { exact: false }).waitFor()
    expect(await form.getByLabel('Current password').inputValue()).toBe('')
    // A full-page shot of a scrolled page would paint the sticky header mid-page.
    await adaPage.evaluate(() => window.scrollTo(0, 0))
    await adaPage.screenshot({
      path: path.join(ARTIFACTS_DIR, 'account-password-changed.png'),
      fullPage: true,
    })

    // The other browser's session ended under its open briefing; this one carries on.
    await elsewherePage.getByRole('dialog', { name: 'Your session has ended' }).waitFor()
    await poll(() => connectionState(elsewherePage)).toBe('signed-out')
    expect(await adaPage.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).toBe(200)
  })

  it('signs out, refuses the old password and signs in with the new one', async () => {
    await accountButton(adaPage, 'Ada King').click()
    await adaPage.getByRole('menuitem', { name: 'Sign out' }).click()
    await adaPage.waitForURL('**/signin')

    await adaPage.getByLabel('E-mail').fill(ada.email)
    await adaPage.getByLabel('Password').fill(TEST_PASSWORD)
    await adaPage.getByRole('button', { name: 'Sign in' }).click()
    await adaPage.getByText('e-mail or password is wrong', { exact: false }).waitFor()

    await adaPage.getByLabel('Password').fill(NEW_PASSWORD)
    await adaPage.getByRole('button', { name: 'Sign in' }).click()
    await adaPage.getByRole('heading', { name: 'Your briefings' }).waitFor()
    await accountButton(adaPage, 'Ada King').waitFor()
    expect(track.errors.filter((e) => !EXPECTED_CONSOLE.test(e))).toEqual([])
  })
})
