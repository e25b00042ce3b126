/**
 * Accounts, teams and access control through the real UI: a real server and the built client
 * in real Chromium, under a strict CSP. Ada signs up as the first user, builds a team and
 * invites Grace, who signs up from the link; Ada shares a briefing with her as a viewer and
 * changes her role while she watches; Ada's session ends mid-edit and her edits survive it.
 *
 * The steps run in order and share the people and pages they create, like one user story.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { signUp } from '../helpers/users'
import {
  ARTIFACTS_DIR,
  builtClient,
  collectPageErrors,
  contextFor,
  launchChromium,
  openTrackedPage,
} from './browser'
import { skipStepsAfterAFailure } from './storySteps'

const PASSWORD = 'correct horse battery'
const documentBody = (page: Page) => page.locator('.document')
const editableBody = (page: Page) => page.locator('.document[contenteditable="true"]')
const connectionState = (page: Page) => page.locator('.connection-badge').getAttribute('data-state')
const isEditable = (page: Page) => documentBody(page).getAttribute('contenteditable')
// Signing in hashes a password on the server, which can take longer than expect.poll's 1 s.
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000 })
async function shot(page: Page, name: string, { fullPage = false } = {}) {
  // A full-page shot of a scrolled page would paint the sticky header mid-page.
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path: path.join(ARTIFACTS_DIR, name), fullPage })
}

// Expected noise: the browser logs every 401 (signed out) and 404 (no such account) response.
const EXPECTED_CONSOLE = /Failed to load resource: the server responded with a status of 40[14]/

describe('accounts, teams and access in the browser', () => {
  let browser: Browser
  let server: TestServer
  let clientDir: string
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  const stamp = Date.now().toString(36)
  const ada = { name: 'Ada Lovelace', email: `ada-${stamp}@example.test` }
  const grace = { name: 'Grace Hopper', email: `grace-${stamp}@example.test` }
  let adaContext: BrowserContext
  let adaPage: Page
  let graceContext: BrowserContext
  let gracePage: Page
  let teamId = ''
  let briefingId = ''
  let briefingUrl = ''

  beforeAll(async () => {
    browser = await launchChromium()
    clientDir = builtClient()
    server = await startTestServer({ clientDir })
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true })
  })

  skipStepsAfterAFailure()

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  /** A signed-out browser window. */
  async function openWindow(label: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await contextFor(browser, server.url)
    contexts.push(context)
    const page = await context.newPage()
    collectPageErrors(page, label, pageErrors)
    return { context, page }
  }

  /** The REST API as the person signed in to `context` (its session cookie). */
  async function apiAs(context: BrowserContext, apiPath: string, init: RequestInit = {}) {
    const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
    return fetch(`${server.url}${apiPath}`, {
      ...init,
      headers: { cookie, 'content-type': 'application/json', ...init.headers },
    })
  }

  /** The briefing's text as the server has it, read by the person signed in to `context`. */
  async function serverText(context: BrowserContext): Promise<string> {
    const res = await apiAs(context, `/api/briefings/${briefingId}/content`)
    expect(res.status).toBe(200)
    return JSON.stringify(await res.json())
  }

  async function openShareDialog() {
    await adaPage.getByRole('button', { name: 'Share', exact: true }).click()
    const dialog = adaPage.getByRole('dialog', { name: /^Share/ })
    await dialog.getByRole('list', { name: 'People with access' }).waitFor()
    return dialog
  }

  it('sends a signed-out visitor to sign in, and signs the first user up as instance admin', async () => {
    ;({ context: adaContext, page: adaPage } = await openWindow('ada'))
    await adaPage.goto('/')
    await adaPage.waitForURL('**/signin')
    await adaPage.getByRole('heading', { name: 'Sign in' }).waitFor()
    await shot(adaPage, 'access-signin.png')

    await adaPage.getByRole('link', { name: 'Create one' }).click()
    await adaPage.waitForURL('**/signup')
    await adaPage.getByText('you will be the instance admin').waitFor()
    await adaPage.getByLabel('Your name').fill(ada.name)
    await adaPage.getByLabel('Work e-mail').fill(ada.email)
    await adaPage.getByLabel('Password').fill('too short')
    await adaPage.getByRole('button', { name: 'Create account' }).click()
    await adaPage.getByText('Use at least 10 characters.').waitFor()
    await shot(adaPage, 'access-signup.png')

    await adaPage.getByLabel('Password').fill(PASSWORD)
    await adaPage.getByRole('button', { name: 'Create account' }).click()
    await adaPage.getByRole('heading', { name: 'Your briefings' }).waitFor()
    expect(new URL(adaPage.url()).pathname).toBe('/')
    await adaPage.getByRole('button', { name: `Account: ${ada.name}` }).click()
    await adaPage.getByRole('menu').getByText('Instance admin').waitFor()
    await adaPage.keyboard.press('Escape')
  })

  it('creates a team and a briefing in it, and invites Grace, who signs up from the link', async () => {
    await adaPage.getByRole('button', { name: /^Team: Personal/ }).click()
    await adaPage.getByRole('menuitem', { name: 'New team…' }).click()
    await adaPage.getByLabel('Team name').fill('Research desk')
    await adaPage.getByRole('button', { name: 'Create team' }).click()
    await adaPage.waitForURL(/\/teams\/[^/]+$/)
    teamId = decodeURIComponent(new URL(adaPage.url()).pathname.split('/').pop() ?? '')

    // The new team is now the current one: the list shows it and creates briefings in it.
    await adaPage.getByRole('link', { name: 'Briefings', exact: true }).click()
    await adaPage.getByRole('heading', { name: 'Research desk', level: 1 }).waitFor()
    await adaPage.getByPlaceholder('Title of a new briefing').fill('Morning brief')
    await adaPage.getByRole('button', { name: 'New briefing' }).click()
    await adaPage.waitForURL(/\/b\/[^/]+$/)
    briefingUrl = adaPage.url()
    briefingId = decodeURIComponent(new URL(briefingUrl).pathname.split('/').pop() ?? '')
    const created = await (await apiAs(adaContext, `/api/briefings/${briefingId}`)).json()
    expect(created).toMatchObject({ teamId, role: 'owner' })
    await editableBody(adaPage).click()
    await adaPage.keyboard.type('Markets opened flat.')
    await poll(() => serverText(adaContext)).toContain('Markets opened flat.')

    // Invite Grace from the team page, and copy the link the page shows once.
    await adaContext.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: server.url,
    })
    await adaPage.goto(`/teams/${teamId}`)
    await adaPage.getByLabel('E-mail address').fill(grace.email)
    await adaPage.getByRole('button', { name: 'Create invite link' }).click()
    const linkField = adaPage.getByLabel('Invite link')
    const inviteUrl = await linkField.inputValue()
    expect(inviteUrl).toMatch(new RegExp(`^${server.url}/invite/`))
    await adaPage.getByRole('button', { name: 'Copy', exact: true }).click()
    await adaPage.getByRole('button', { name: 'Copied' }).waitFor()
    expect(await adaPage.evaluate(() => navigator.clipboard.readText())).toBe(inviteUrl)
    await adaPage.getByRole('list', { name: 'Pending invites' }).getByText(grace.email).waitFor()
    await adaPage
      .getByRole('list', { name: 'Audit log' })
      .getByText(/invited/)
      .waitFor()
    await shot(adaPage, 'access-team-page.png', { fullPage: true })

    ;({ context: graceContext, page: gracePage } = await openWindow('grace'))
    await gracePage.goto(inviteUrl)
    await gracePage.getByRole('heading', { name: 'Join Research desk' }).waitFor()
    await gracePage.getByText('as a member').waitFor()
    await shot(gracePage, 'access-invite.png')
    await gracePage.getByRole('link', { name: 'Create an account and join' }).click()
    const email = gracePage.getByLabel('Work e-mail')
    await poll(() => email.inputValue()).toBe(grace.email)
    expect(await email.getAttribute('readonly')).not.toBeNull()
    await gracePage.getByLabel('Your name').fill(grace.name)
    await gracePage.getByLabel('Password').fill(PASSWORD)
    await gracePage.getByRole('button', { name: 'Create account' }).click()
    // She lands in the team she was invited to, and sees its briefing.
    await gracePage.getByRole('heading', { name: 'Research desk', level: 1 }).waitFor()
    await gracePage.getByRole('link', { name: /Morning brief/ }).waitFor()
    await gracePage.getByRole('button', { name: /^Team: Research desk/ }).click()
    await gracePage.getByRole('menuitemradio', { name: 'Personal' }).waitFor()
    await shot(gracePage, 'access-team-switcher.png')
    await gracePage.keyboard.press('Escape')

    await adaPage.reload()
    await adaPage.getByRole('list', { name: 'Members' }).getByText(grace.name).waitFor()
  })

  it('shares the briefing with Grace as a viewer, who follows live edits but cannot type', async () => {
    await adaPage.goto(briefingUrl)
    const dialog = await openShareDialog()
    await dialog.getByLabel('E-mail of the person to add').fill(`nobody-${stamp}@example.test`)
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    await dialog.getByText(/Nobody has an account with/).waitFor()
    await dialog.getByRole('link', { name: 'open the team page' }).waitFor()
    await shot(adaPage, 'access-share-dialog-error.png')

    await dialog.getByLabel('E-mail of the person to add').fill(grace.email)
    await dialog.getByLabel('Access for the new person').selectOption('viewer')
    await dialog.getByRole('button', { name: 'Add', exact: true }).click()
    const graceRole = dialog.getByLabel(`Access for ${grace.name}`)
    await poll(() => graceRole.inputValue()).toBe('viewer')
    await shot(adaPage, 'access-share-dialog.png')
    await dialog.getByRole('button', { name: 'Done' }).click()

    // Grace follows a deep link in a fresh window: signed out, she is sent to sign in first,
    // then straight on to the briefing.
    const { page } = await openWindow('grace-viewer')
    gracePage = page
    await gracePage.goto(briefingUrl)
    await gracePage.waitForURL(/\/signin\?next=/)
    await gracePage.getByLabel('E-mail').fill(grace.email)
    await gracePage.getByLabel('Password').fill(PASSWORD)
    await gracePage.getByRole('button', { name: 'Sign in' }).click()
    await gracePage.waitForURL(briefingUrl)
    await gracePage.getByTestId('read-only-banner').waitFor()
    await poll(() => connectionState(gracePage)).toBe('connected')
    expect(await isEditable(gracePage)).toBe('false')
    expect(await gracePage.getByRole('button', { name: 'Bold' }).isDisabled()).toBe(true)
    // Set here and checked later: the role changes below must not reload her page.
    await gracePage.evaluate(() => Object.assign(window, { __sameDocument: true }))

    await editableBody(adaPage).click()
    await adaPage.keyboard.press('Control+End')
    await adaPage.keyboard.type(' Bond yields rose.')
    await poll(() => documentBody(gracePage).innerText()).toContain('Bond yields rose.')
    await shot(gracePage, 'access-read-only-editor.png')

    // She can see who has access, but not change it.
    await gracePage.getByRole('button', { name: 'Who has access' }).click()
    const access = gracePage.getByRole('dialog', { name: 'Who has access' })
    await access.getByRole('list', { name: 'People with access' }).getByText(ada.name).waitFor()
    expect(await access.getByRole('combobox').count()).toBe(0)
    expect(await access.getByRole('button', { name: /^Remove/ }).count()).toBe(0)
    await access.getByRole('button', { name: 'Done' }).click()

    await documentBody(gracePage).click()
    await gracePage.keyboard.type('Viewer was here')
    // Her own copy is unchanged, so nothing can have been sent. Ada's next edit arriving
    // proves the page is live while we look.
    await adaPage.keyboard.type(' Oil steady.')
    await poll(() => documentBody(gracePage).innerText()).toContain('Oil steady.')
    expect(await documentBody(gracePage).innerText()).not.toContain('Viewer was here')
    expect(await documentBody(adaPage).innerText()).not.toContain('Viewer was here')
    await poll(() => serverText(adaContext)).toContain('Oil steady.')
    expect(await serverText(adaContext)).not.toContain('Viewer was here')
  })

  it('changes Grace’s role while she watches, and her page follows without a reload', async () => {
    const dialog = await openShareDialog()
    const graceRole = dialog.getByLabel(`Access for ${grace.name}`)

    await graceRole.selectOption('editor')
    await poll(() => isEditable(gracePage)).toBe('true')
    await poll(() => gracePage.getByTestId('read-only-banner').count()).toBe(0)
    await poll(() => connectionState(gracePage)).toBe('connected')
    await documentBody(gracePage).click()
    await gracePage.keyboard.press('Control+End')
    await gracePage.keyboard.type(' Grace can write now.')
    await poll(() => documentBody(adaPage).innerText()).toContain('Grace can write now.')

    await graceRole.selectOption('viewer')
    await gracePage.getByTestId('read-only-banner').waitFor()
    await poll(() => isEditable(gracePage)).toBe('false')
    await dialog.getByRole('button', { name: 'Done' }).click()

    expect(await gracePage.evaluate(() => '__sameDocument' in window)).toBe(true)
  })

  it('keeps Ada’s edits while her session has ended and syncs them once she signs in again', async () => {
    // The session is deleted on the server, as a sign-out elsewhere or an admin would.
    const logout = await apiAs(adaContext, '/api/auth/logout', { method: 'POST' })
    expect(logout.status).toBe(204)

    const expired = adaPage.getByRole('dialog', { name: 'Your session has ended' })
    await expired.waitFor()
    expect(adaPage.url()).toBe(briefingUrl)
    await poll(() => connectionState(adaPage)).toBe('signed-out')
    await shot(adaPage, 'access-session-expired.png')

    // Carry on writing: the edit stays in the page's document.
    await expired.getByRole('button', { name: 'Keep working signed out' }).click()
    await editableBody(adaPage).click()
    await adaPage.keyboard.press('Control+End')
    await adaPage.keyboard.type(' Typed while signed out.')
    await shot(adaPage, 'access-signed-out-bar.png')
    expect(await documentBody(adaPage).innerText()).toContain('Typed while signed out.')
    expect(await serverText(graceContext)).not.toContain('Typed while signed out.')

    await adaPage.getByRole('button', { name: 'Sign in', exact: true }).click()
    await expired.getByLabel('Password').fill(PASSWORD)
    await expired.getByRole('button', { name: 'Sign in and resume' }).click()
    await poll(() => expired.count()).toBe(0)
    await poll(() => connectionState(adaPage)).toBe('connected')
    await poll(() => documentBody(gracePage).innerText()).toContain('Typed while signed out.')
    expect(await serverText(adaContext)).toContain('Typed while signed out.')
  })

  it('stops Grace’s page with a clear message when her access is removed', async () => {
    const dialog = await openShareDialog()
    await dialog.getByLabel('Team access').selectOption('none')
    await poll(() => dialog.getByLabel('Team access').inputValue()).toBe('none')
    await dialog.getByRole('button', { name: `Remove ${grace.name}` }).click()
    await poll(() => dialog.getByLabel(`Access for ${grace.name}`).count()).toBe(0)
    await dialog.getByRole('button', { name: 'Done' }).click()

    await gracePage.getByText('Your access to this briefing was removed.').waitFor()
    expect(await connectionState(gracePage)).toBe('closed')
    expect(await isEditable(gracePage)).toBe('false')
  })

  it('pages through the team’s audit log', async () => {
    // Thirty invites make more entries than one page holds.
    for (let i = 0; i < 30; i++) {
      const res = await apiAs(adaContext, `/api/teams/${teamId}/invites`, {
        method: 'POST',
        body: JSON.stringify({ email: `extra-${i}-${stamp}@example.test` }),
      })
      expect(res.status).toBe(201)
    }
    await adaPage.goto(`/teams/${teamId}`)
    const log = adaPage.getByRole('list', { name: 'Audit log' }).getByRole('listitem')
    await poll(() => log.count()).toBe(25)
    await adaPage.getByRole('button', { name: 'Load more' }).click()
    await poll(() => log.count()).toBeGreaterThan(25)
    // The oldest entry is the team's creation.
    await adaPage.getByText('Ada Lovelace created the team “Research desk”').waitFor()
  })

  it('revokes a pending invite once the admin confirms', async () => {
    const email = `extra-0-${stamp}@example.test`
    const pending = adaPage.getByRole('list', { name: 'Pending invites' })
    await pending.getByText(email).waitFor()
    await pending.getByRole('button', { name: `Revoke the invite for ${email}` }).click()
    const dialog = adaPage.getByRole('dialog', { name: `Revoke the invite for ${email}?` })
    await dialog.getByRole('button', { name: 'Revoke invite' }).click()
    await poll(() => pending.getByText(email).count()).toBe(0)
    await adaPage.getByText(`Ada Lovelace revoked the invite for ${email}`).waitFor()
  })

  it('lets someone who already has an account accept an invite while signed in', async () => {
    const katherine = await signUp(server.url, { name: 'Katherine Johnson' })
    const res = await apiAs(adaContext, `/api/teams/${teamId}/invites`, {
      method: 'POST',
      body: JSON.stringify({ email: katherine.email }),
    })
    const { url } = (await res.json()) as { url: string }
    const page = await openTrackedPage(browser, server.url, katherine, 'katherine', {
      contexts,
      errors: pageErrors,
    })
    await page.goto(url)
    await page.getByRole('button', { name: 'Join Research desk' }).click()
    await page.getByRole('heading', { name: 'Research desk', level: 1 }).waitFor()
    const teams = (await (await katherine.api('/api/teams')).json()) as { teams: { id: string }[] }
    expect(teams.teams.map((t) => t.id)).toContain(teamId)
  })

  it('manages API tokens and closes registration from the settings page', async () => {
    await adaPage.getByRole('button', { name: `Account: ${ada.name}` }).click()
    await adaPage.getByRole('menuitem', { name: 'Settings and API tokens' }).click()
    await adaPage.waitForURL('**/settings')
    await adaPage.getByLabel('Token name').fill('Nightly export')
    await adaPage.getByRole('button', { name: 'Create token' }).click()
    const secret = await adaPage.getByLabel('New API token').inputValue()
    expect(secret).toMatch(/^brf_/)
    const list = adaPage.getByRole('list', { name: 'Your API tokens' })
    await list.getByText('Nightly export').waitFor()
    await list.getByText('Read-only').waitFor()
    const asToken = () =>
      fetch(`${server.url}/api/briefings`, { headers: { authorization: `Bearer ${secret}` } })
    expect((await asToken()).status).toBe(200)

    const registration = adaPage.getByRole('switch', { name: /Open registration/ })
    await poll(() => registration.isChecked()).toBe(true)
    await registration.click()
    await poll(() => registration.isChecked()).toBe(false)
    await shot(adaPage, 'access-settings.png', { fullPage: true })

    await adaPage.getByRole('button', { name: 'Revoke Nightly export' }).click()
    await adaPage.getByRole('button', { name: 'Revoke token' }).click()
    await list.getByText('Revoked').waitFor()
    expect((await asToken()).status).toBe(401)

    const { page } = await openWindow('stranger')
    await page.goto('/signup')
    await page.getByRole('heading', { name: 'Registration is invite-only' }).waitFor()
    await shot(page, 'access-signup-invite-only.png')
  })

  it('signs out from the account menu', async () => {
    await gracePage.getByRole('button', { name: `Account: ${grace.name}` }).click()
    await gracePage.getByRole('menuitem', { name: 'Sign out' }).click()
    await gracePage.waitForURL('**/signin')
    const status = () => fetch('/api/auth/me').then((res) => res.status)
    expect(await gracePage.evaluate(status)).toBe(401)
    // Only that window's session ended; her first window still has its own.
    expect((await apiAs(graceContext, '/api/auth/me')).status).toBe(200)
    expect(pageErrors.filter((e) => !EXPECTED_CONSOLE.test(e))).toEqual([])
  })
})
