/**
 * The forms that create something, in real Chromium against the real server: each checks its
 * input before sending, says what is missing next to the field, forgets the complaint once
 * the person types, and on success shows what was made. Sign-in with missing fields, too.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { signUp, type TestUser } from '../helpers/users'
import { builtClient, launchChromium, openTrackedPage } from './browser'
import { skipStepsAfterAFailure } from './storySteps'

describe('creating things from forms in the browser', () => {
  let browser: Browser
  let server: TestServer
  let ada: TestUser
  let teamPath: string
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  skipStepsAfterAFailure()

  beforeAll(async () => {
    browser = await launchChromium()
    server = await startTestServer({ clientDir: builtClient() })
    ada = await signUp(server.url, { name: 'Ada Lovelace' })
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  const openPage = (user: TestUser | undefined, label: string): Promise<Page> =>
    openTrackedPage(browser, server.url, user, label, { contexts, errors: pageErrors })

  it('asks for a briefing title, then creates the briefing and opens it', async () => {
    const page = await openPage(ada, 'briefing')
    await page.goto('/')
    const title = page.getByPlaceholder('Title of a new briefing')
    await page.getByRole('button', { name: 'New briefing' }).click()
    await expect(page.getByRole('alert').innerText()).resolves.toBe(
      'Give the briefing a title first.',
    )
    await expect(title.getAttribute('aria-invalid')).resolves.toBe('true')
    await title.fill('Weekly outlook')
    await expect(page.getByRole('alert').count()).resolves.toBe(0)
    await page.getByRole('button', { name: 'New briefing' }).click()
    await page.waitForURL(/\/b\/[^/]+$/)
    await page.locator('.document[contenteditable="true"]').waitFor()
  })

  it('asks for a team name, then creates the team and opens its page', async () => {
    const page = await openPage(ada, 'team')
    await page.goto('/')
    await page.getByRole('button', { name: /^Team: Personal/ }).click()
    await page.getByRole('menuitem', { name: 'New team…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Create a team' })
    await dialog.getByRole('button', { name: 'Create team' }).click()
    await expect(dialog.getByRole('alert').innerText()).resolves.toBe('Give the team a name.')
    await dialog.getByLabel('Team name').fill('Europe desk')
    await expect(dialog.getByRole('alert').count()).resolves.toBe(0)
    await dialog.getByRole('button', { name: 'Create team' }).click()
    await page.waitForURL(/\/teams\/[^/]+$/)
    await page.getByRole('heading', { name: 'Europe desk', level: 1 }).waitFor()
    teamPath = new URL(page.url()).pathname
  })

  it('asks for a token name and an invitee’s address before sending either', async () => {
    const page = await openPage(ada, 'token')
    await page.goto('/settings')
    const tokenName = page.getByLabel('Token name')
    await page.getByRole('button', { name: 'Create token' }).click()
    await expect(page.getByRole('alert').innerText()).resolves.toBe(
      'Name the token after what will use it.',
    )
    await tokenName.fill('Nightly export')
    await expect(page.getByRole('alert').count()).resolves.toBe(0)
    await page.getByRole('button', { name: 'Create token' }).click()
    await page.getByRole('list', { name: 'Your API tokens' }).getByText('Nightly export').waitFor()
    await expect(tokenName.inputValue()).resolves.toBe('')

    await page.goto(teamPath)
    const address = page.getByLabel('E-mail address')
    await address.fill('not an address')
    await page.getByRole('button', { name: 'Create invite link' }).click()
    await expect(page.getByRole('alert').innerText()).resolves.toBe(
      'Enter the e-mail address of the person to invite.',
    )
    await address.fill('grace@example.org')
    await expect(page.getByRole('alert').count()).resolves.toBe(0)
  })

  it('asks for the e-mail address and password before signing in', async () => {
    const page = await openPage(undefined, 'signin')
    await page.goto('/signin')
    const submit = page.getByRole('button', { name: 'Sign in', exact: true })
    await submit.click()
    await expect(page.getByRole('alert').innerText()).resolves.toBe('Enter your e-mail address.')
    await page.getByLabel('E-mail').fill(ada.email)
    await submit.click()
    await expect(page.getByRole('alert').innerText()).resolves.toBe('Enter your password.')
    await page.getByLabel('Password').fill('not the password at all')
    await submit.click()
    // The server's refusal is about the whole form, not one field.
    await expect.poll(() => page.getByRole('alert').innerText()).not.toBe('Enter your password.')
    await expect(page.getByLabel('Password').getAttribute('aria-invalid')).resolves.toBe(null)
    expect(pageErrors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
  })
})
