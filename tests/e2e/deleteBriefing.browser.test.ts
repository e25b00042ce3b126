/**
 * Deleting a briefing from the list page through its confirm dialog: a real server and the
 * built client in real Chromium, under a strict CSP. Each test creates its own briefing through
 * the API, so the tests do not depend on one another, and checks the server as well as the page.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { builtClient, launchChromium, openTrackedPage } from './browser'
import { failNextDelete, holdNextRequest } from './networkFaults'

// Expected noise: the browser logs every failed response, and two tests make deletes fail.
const EXPECTED_CONSOLE = /Failed to load resource: the server responded with a status of (404|503)/

describe('deleting a briefing from the list in the browser', () => {
  let browser: Browser
  let server: TestServer
  let owner: TestUser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    server = await startTestServer({ clientDir: builtClient() })
    owner = await signUp(server.url, { name: 'Lin Owner' })
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
    expect(pageErrors.filter((e) => !EXPECTED_CONSOLE.test(e))).toEqual([])
  })

  /** A briefing made through the API, and the list page showing it. */
  async function openListWith(title: string): Promise<{ id: string; page: Page }> {
    const id = await createBriefingAs(owner, title)
    const page = await openTrackedPage(browser, server.url, owner, title, {
      contexts,
      errors: pageErrors,
    })
    await page.goto('/')
    await rowLink(page, title).waitFor()
    return { id, page }
  }

  const rowLink = (page: Page, title: string) =>
    page.getByRole('list', { name: 'Briefings' }).getByRole('link', { name: new RegExp(title) })
  const deleteDialog = (page: Page) => page.getByRole('dialog', { name: 'Delete this briefing?' })

  async function askToDelete(page: Page, title: string) {
    await page.getByRole('button', { name: `Delete ${title}` }).click()
    const dialog = deleteDialog(page)
    await dialog.getByText(title).waitFor()
    await dialog.getByText('This cannot be undone.', { exact: false }).waitFor()
    return dialog
  }

  const serverStatus = async (id: string) => (await owner.api(`/api/briefings/${id}`)).status
  async function serverListIds(): Promise<string[]> {
    const res = await owner.api('/api/briefings')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { briefings: { id: string }[] }
    return body.briefings.map((b) => b.id)
  }

  it('keeps the briefing when the delete is cancelled', async () => {
    const title = 'Kept after cancel'
    const { id, page } = await openListWith(title)
    const dialog = await askToDelete(page, title)
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => deleteDialog(page).count()).toBe(0)

    expect(await rowLink(page, title).count()).toBe(1)
    expect(await serverStatus(id)).toBe(200)
    expect(await serverListIds()).toContain(id)
    // A fresh load still shows it: the page did not just hide the server's answer.
    await page.reload()
    await rowLink(page, title).waitFor()
  })

  it('deletes the briefing once confirmed: it leaves the list and the server', async () => {
    const title = 'Deleted on confirm'
    const bystander = 'Bystander of a delete'
    await createBriefingAs(owner, bystander)
    const { id, page } = await openListWith(title)
    const dialog = await askToDelete(page, title)
    await dialog.getByRole('button', { name: 'Delete briefing' }).click()
    await expect.poll(() => deleteDialog(page).count()).toBe(0)
    await expect.poll(() => rowLink(page, title).count()).toBe(0)

    expect(await serverStatus(id)).toBe(404)
    expect(await serverListIds()).not.toContain(id)
    // Only that one went: a fresh load, seen once its other briefing is listed, agrees.
    expect(await rowLink(page, bystander).count()).toBe(1)
    await page.reload()
    await rowLink(page, bystander).waitFor()
    expect(await rowLink(page, title).count()).toBe(0)
  })

  it('shows a failed delete in the dialog, keeps the briefing, and a retry clears the error', async () => {
    const title = 'Survives a failed delete'
    const { id, page } = await openListWith(title)
    await failNextDelete(page, `**/api/briefings/${id}`)
    const dialog = await askToDelete(page, title)
    const confirm = dialog.getByRole('button', { name: 'Delete briefing' })
    await confirm.click()
    await dialog.getByRole('alert').getByText('Try again shortly.').waitFor()
    expect(await confirm.isEnabled()).toBe(true)
    expect(await rowLink(page, title).count()).toBe(1)
    expect(await serverStatus(id)).toBe(200)

    // The retry is held at the network until the page has been looked at mid-flight.
    const release = await holdNextRequest(page, `**/api/briefings/${id}`)
    await confirm.click()
    await dialog.getByRole('button', { name: 'Deleting…' }).waitFor()
    expect(await dialog.getByRole('alert').count()).toBe(0)
    release()
    await expect.poll(() => deleteDialog(page).count()).toBe(0)
    await expect.poll(() => rowLink(page, title).count()).toBe(0)
    expect(await serverStatus(id)).toBe(404)
  })

  it('shows the server’s error when someone else deleted the briefing first', async () => {
    const title = 'Deleted elsewhere'
    const { id, page } = await openListWith(title)
    const dialog = await askToDelete(page, title)
    expect((await owner.api(`/api/briefings/${id}`, { method: 'DELETE' })).status).toBe(204)

    await dialog.getByRole('button', { name: 'Delete briefing' }).click()
    await dialog
      .getByRole('alert')
      .getByText(/not found/i)
      .waitFor()
    // The dialog stays open for the user to read it, and closing it is still possible.
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => deleteDialog(page).count()).toBe(0)
  })
})
