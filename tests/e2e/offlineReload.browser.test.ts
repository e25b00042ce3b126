/**
 * [OFR] A briefing survives a reload without network: the service worker opens the app from
 * its cache, the briefing comes from this browser's IndexedDB copy with the edits made offline,
 * and they reach the others once the network is back. A copy from another epoch is dropped,
 * not merged; signing out deletes copies and kept answers.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp, type TestUser } from '../helpers/users'
import {
  ARTIFACTS_DIR,
  builtClient,
  collectPageErrors,
  launchChromium,
  openTrackedPage,
} from './browser'

const documentBody = (page: Page) => page.locator('.document')
const editableBody = (page: Page) => page.locator('.document[contenteditable="true"]')
const connectionState = (page: Page) => page.locator('.connection-badge').getAttribute('data-state')
const poll = <T>(read: () => Promise<T>) => expect.poll(read, { timeout: 20_000 })
/** The browser reports each refused request while offline; those are the point here. */
const OFFLINE_NOISE = /ERR_INTERNET_DISCONNECTED|Failed to load resource|WebSocket connection/

/** Database names of this origin's offline copies, the copy record, and the kept answers. */
const offlineState = (page: Page) =>
  page.evaluate(async () => ({
    copies: (await indexedDB.databases())
      .map((db) => db.name ?? '')
      .filter((name) => name.startsWith('briefing-copy:')),
    record: localStorage.getItem('briefing:offline-copies'),
    kept: await caches.has('reading-v1'),
  }))

/** Updates stored in a briefing's copy (one per change, y-indexeddb). */
const storedUpdates = (page: Page, briefingId: string) =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open(name)
        open.onerror = () => reject(open.error)
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('updates')) return resolve(0)
          const count = db.transaction('updates').objectStore('updates').count()
          count.onsuccess = () => {
            resolve(count.result)
            db.close()
          }
        }
      }),
    `briefing-copy:${briefingId}`,
  )

describe('offline reload in the browser', () => {
  let browser: Browser
  let server: TestServer
  let ada: TestUser
  let bo: TestUser
  const contexts: BrowserContext[] = []
  const errors: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    server = await startTestServer({ clientDir: builtClient() })
    ada = await signUp(server.url, { name: 'Ada Lovelace' })
    bo = await signUp(server.url, { name: 'Bo Stern' })
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  /** Ada's page on a briefing, controlled by the service worker and with kept answers. */
  async function adaOpens(briefingId: string): Promise<Page> {
    const page = await openTrackedPage(browser, server.url, ada, 'ada', { contexts, errors })
    await page.goto(`/b/${briefingId}`)
    await poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
    // The first load ran before the worker took over; a second visit goes through it.
    await page.reload()
    await poll(() => connectionState(page)).toBe('connected')
    return page
  }

  async function typeAtEnd(page: Page, text: string) {
    await editableBody(page).click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type(text)
  }

  /** Waits until the copy holds at least `count` more updates than `before`. */
  async function stored(page: Page, briefingId: string, before: number, count: number) {
    await poll(() => storedUpdates(page, briefingId)).toBeGreaterThanOrEqual(before + count)
  }

  it('[OFR1] typed offline, reloaded offline, the edit is there and reaches the other browser once online', async () => {
    const id = await createBriefingAs(ada, 'Harbour strike')
    const shared = await ada.api(`/api/briefings/${id}/shares`, {
      method: 'PUT',
      body: { email: bo.email, role: 'editor' },
    })
    expect(shared.status).toBe(200)
    const page = await adaOpens(id)
    await typeAtEnd(page, 'Online words.')
    const boPage = await openTrackedPage(browser, server.url, bo, 'bo', { contexts, errors })
    await boPage.goto(`/b/${id}`)
    await poll(() => documentBody(boPage).innerText()).toContain('Online words.')
    const adaHere = boPage.locator('.presence__person[data-name="Ada Lovelace"]')
    await poll(() => adaHere.count()).toBe(1)

    const context = page.context()
    await context.setOffline(true)
    await poll(() => connectionState(page)).toBe('offline')
    const before = await storedUpdates(page, id)
    const typed = ' Typed offline.'
    await typeAtEnd(page, typed)
    await stored(page, id, before, typed.length)
    // The others stop showing Ada within the server's two silent beats (~15 s), not 30 s+.
    await expect.poll(() => adaHere.count(), { timeout: 25_000 }).toBe(0)

    // Unsynced edits: the browser asks before reloading; Ada goes ahead.
    page.once('dialog', (dialog) => void dialog.accept())
    const reloaded = await page.reload()
    expect(reloaded?.fromServiceWorker()).toBe(true)
    await poll(() => documentBody(page).innerText()).toContain('Online words. Typed offline.')
    await poll(() => connectionState(page)).toBe('offline')
    const afterReload = await storedUpdates(page, id)
    await typeAtEnd(page, ' After reload.')
    await stored(page, id, afterReload, ' After reload.'.length)
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'offline-reloaded.png') })

    await context.setOffline(false)
    await poll(() => connectionState(page)).toBe('connected')
    const everything = 'Online words. Typed offline. After reload.'
    await poll(() => documentBody(boPage).innerText()).toContain(everything)
    const html = await (await ada.api(`/api/briefings/${id}/content?format=html`)).text()
    expect(html.split('Typed offline.').length - 1).toBe(1)
    expect(html).toContain(everything)
    expect(errors.filter((e) => !OFFLINE_NOISE.test(e))).toEqual([])
  })

  it('[OFR2] a copy made under another epoch is dropped, not merged', async () => {
    const id = await createBriefingAs(ada, 'Airport delays')
    const page = await adaOpens(id)
    await typeAtEnd(page, 'Kept on the server.')
    await poll(async () =>
      (await ada.api(`/api/briefings/${id}/content?format=html`)).text(),
    ).toContain('Kept on the server.')

    const context = page.context()
    await context.setOffline(true)
    await poll(() => connectionState(page)).toBe('offline')
    const before = await storedUpdates(page, id)
    await typeAtEnd(page, ' Only in the old copy.')
    await stored(page, id, before, ' Only in the old copy.'.length)
    // Ada leaves before the edits could be sent; the server then replaces the document (as
    // after a backup restore): they belong to a history the server no longer has.
    await page.close({ runBeforeUnload: false })
    expect(await server.stores.briefings.renewEpoch(id)).toBeTruthy()
    await context.setOffline(false)

    // The same browser (its IndexedDB holds the old copy) opens the briefing again.
    const again = await context.newPage()
    collectPageErrors(again, 'ada-again', errors)
    await again.goto(`/b/${id}`)
    await poll(() => connectionState(again)).toBe('connected')
    await poll(() => documentBody(again).innerText()).toContain('Kept on the server.')
    // The copy is open again (it stores the doc as it opens), so an old one would be in by now.
    await poll(() => storedUpdates(again, id)).toBeGreaterThanOrEqual(1)
    expect(await documentBody(again).innerText()).not.toContain('Only in the old copy.')
    const html = await (await ada.api(`/api/briefings/${id}/content?format=html`)).text()
    expect(html).not.toContain('Only in the old copy.')
    expect(errors.filter((e) => !OFFLINE_NOISE.test(e))).toEqual([])
  })

  it('[OFR3] the list reads offline; signing out deletes the copies and the kept answers', async () => {
    const id = await createBriefingAs(ada, 'Port audit')
    const page = await adaOpens(id)
    await typeAtEnd(page, 'Private notes.')
    await poll(async () => (await offlineState(page)).copies).toContain(`briefing-copy:${id}`)
    await page.goto('/')
    await page.getByRole('link', { name: 'Port audit' }).waitFor()
    await page.context().setOffline(true)
    const offlineList = await page.reload()
    expect(offlineList?.fromServiceWorker()).toBe(true)
    await page.getByRole('link', { name: 'Port audit' }).waitFor()
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'offline-list.png') })
    await page.setViewportSize({ width: 390, height: 800 })
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'offline-list-phone-dark.png') })
    await page.setViewportSize({ width: 1280, height: 800 })
    await page.emulateMedia({ colorScheme: 'light' })
    await page.context().setOffline(false)
    await poll(async () => (await offlineState(page)).kept).toBe(true)

    await page.getByRole('button', { name: 'Account: Ada Lovelace' }).click()
    await page.getByRole('menuitem', { name: 'Sign out' }).click()
    await page.waitForURL('**/signin')
    await poll(() => offlineState(page)).toEqual({ copies: [], record: null, kept: false })
    expect(errors.filter((e) => !OFFLINE_NOISE.test(e))).toEqual([])
  })

  it('[OFR4] /sw.js is revalidated on every check and names every file of its build', async () => {
    const res = await fetch(`${server.url}/sw.js`)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-cache')
    expect(res.headers.get('content-type')).toMatch(/javascript/)
    const source = await res.text()
    expect(source).not.toMatch(/\bimport\b|BRIEFING_PRECACHE_MANIFEST/)
    const built = fs
      .readdirSync(path.join(builtClient(), 'assets'))
      .filter((name) => !/\.(br|gz|map)$/.test(name))
    expect(built.length).toBeGreaterThan(0)
    for (const name of built) expect(source).toContain(`/assets/${name}`)
    // Each named file is served, so the worker's install cannot fail on a missing one.
    const named = source.match(/\/assets\/[\w.-]+/g) ?? []
    expect(new Set(named).size).toBe(built.length)
  })
})
