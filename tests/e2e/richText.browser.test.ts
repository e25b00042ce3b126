/**
 * Underline, strikethrough, highlight and typographic quotes and dashes in real Chromium
 * under the strict CSP: the toolbar and the shortcuts apply the marks, typing straight quotes
 * and `--` gives typographic ones (Backspace gives the straight character back), a plain
 * blockquote keeps what is typed, and the marks look right on a phone and in dark mode.
 */
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { ARTIFACTS_DIR, builtClient, launchChromium, openTrackedPage } from './browser'
import { editorSelection } from './editorSelection'

const editable = (page: Page) => page.locator('.document[contenteditable="true"]')

/** The editor's text as the person sees it, paragraph by paragraph. */
const paragraphs = (page: Page) =>
  page.locator('.document > p, .document blockquote p').allInnerTexts()

describe('rich text in the editor', () => {
  let browser: Browser
  let server: TestServer
  let ada: TestUser
  const track = { contexts: [] as BrowserContext[], errors: [] as string[] }

  beforeAll(async () => {
    browser = await launchChromium()
    server = await startTestServer({ clientDir: builtClient() })
    ada = await signUp(server.url, { name: 'Ada Lovelace' })
  })

  afterAll(async () => {
    for (const context of track.contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  async function openNewBriefing(
    title: string,
    size = { width: 1280, height: 800 },
    scheme: 'light' | 'dark' = 'light',
  ): Promise<Page> {
    const id = await createBriefingAs(ada, title)
    const page = await openTrackedPage(browser, server.url, ada, title, track)
    await page.setViewportSize(size)
    await page.emulateMedia({ colorScheme: scheme })
    await page.goto(`/b/${encodeURIComponent(id)}`)
    await editable(page).click()
    return page
  }

  it('[RTB1] the toolbar and the shortcuts underline, strike and highlight the selected words', async () => {
    const page = await openNewBriefing('Marks')
    await page.keyboard.type('one two three four')
    const select = async (word: string) => {
      await page.keyboard.press('End')
      const text = (await paragraphs(page))[0] ?? ''
      const back = text.length - text.indexOf(word)
      for (let i = 0; i < back; i++) await page.keyboard.press('ArrowLeft')
      for (let i = 0; i < word.length; i++) await page.keyboard.press('Shift+ArrowRight')
      await expect.poll(() => editorSelection(page)).toBe(word)
    }
    await select('one')
    await page.getByRole('button', { name: /^Underline/ }).click()
    await select('two')
    await page.getByRole('button', { name: /^Strikethrough/ }).click()
    await select('three')
    await page.getByRole('button', { name: /^Highlight/ }).click()
    await expect.poll(() => page.locator('.document u').allInnerTexts()).toEqual(['one'])
    await expect.poll(() => page.locator('.document s').allInnerTexts()).toEqual(['two'])
    await expect.poll(() => page.locator('.document mark').allInnerTexts()).toEqual(['three'])
    await expect
      .poll(() => page.getByRole('button', { name: /^Highlight/ }).getAttribute('aria-pressed'))
      .toBe('true')

    // The shortcuts toggle the same marks: all three on "four", then highlight off again.
    await select('four')
    await page.keyboard.press('Control+u')
    await expect.poll(() => page.locator('.document u').allInnerTexts()).toEqual(['one', 'four'])
    await page.keyboard.press('Control+Shift+s')
    await expect.poll(() => page.locator('.document s').allInnerTexts()).toEqual(['two', 'four'])
    await page.keyboard.press('Control+Shift+h')
    await expect
      .poll(() => page.locator('.document mark').allInnerTexts())
      .toEqual(['three', 'four'])
    await page.keyboard.press('Control+Shift+h')
    await expect.poll(() => page.locator('.document mark').allInnerTexts()).toEqual(['three'])
    expect(track.errors).toEqual([])
  })

  it('[RTB2] quotes, apostrophes and dashes turn typographic as typed; Backspace undoes one', async () => {
    const page = await openNewBriefing('Typography')
    await page.keyboard.type(`"Port's open," she said -- from 1990--95 --- and 'maybe'.`)
    await expect
      .poll(() => paragraphs(page))
      .toEqual(['“Port’s open,” she said – from 1990–95 — and ‘maybe’.'])

    // Backspace right after a replacement gives back what was typed, once.
    await page.keyboard.press('Enter')
    await page.keyboard.type('a--')
    await expect.poll(async () => (await paragraphs(page))[1]).toBe('a–')
    await page.keyboard.press('Backspace')
    await expect.poll(async () => (await paragraphs(page))[1]).toBe('a--')
    await page.keyboard.type(' b"')
    await expect.poll(async () => (await paragraphs(page))[1]).toBe('a-- b”')

    // Ctrl+Z takes back the typing, replacements and all.
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await paragraphs(page)).join('|')).not.toContain('b”')
    expect(track.errors).toEqual([])
  })

  it('[RTB3] words typed in a blockquote stay as typed: they are someone else’s', async () => {
    const page = await openNewBriefing('Quoted')
    await page.keyboard.type('> ')
    await page.keyboard.type(`"We're closed -- for now," he said.`)
    await expect
      .poll(() => page.locator('.document blockquote').innerText())
      .toBe(`"We're closed -- for now," he said.`)
    // Out of the blockquote, the same typing is set typographically again.
    await page.keyboard.press('Enter')
    await page.keyboard.press('Enter')
    await page.keyboard.type(`"We're open."`)
    await expect.poll(() => page.locator('.document > p').first().innerText()).toBe('“We’re open.”')
    expect(track.errors).toEqual([])
  })

  for (const [label, size, scheme] of [
    ['phone-light', { width: 390, height: 844 }, 'light'],
    ['phone-dark', { width: 390, height: 844 }, 'dark'],
    ['desktop-dark', { width: 1280, height: 800 }, 'dark'],
  ] as const) {
    it(`[RTB4] marks and typography at ${label}: no sideways scroll, a screenshot to look at`, async () => {
      const page = await openNewBriefing(`Looks ${label}`, size, scheme)
      await page.keyboard.type(`"Harbor's closed," officials said -- for now.`)
      await page.keyboard.press('Enter')
      await page.keyboard.type('Highlighted words')
      await page.keyboard.press('Enter')
      await page.keyboard.type('Underlined and struck')
      // Mark whole lines once typed, so no stored mark runs on into the next line.
      const markLine = async (text: string, arrow: 'ArrowUp' | 'ArrowDown', keys: string[]) => {
        await page.keyboard.press(arrow)
        await page.keyboard.press('End')
        await page.keyboard.press('Shift+Home')
        await expect.poll(() => editorSelection(page)).toBe(text)
        for (const key of keys) await page.keyboard.press(key)
      }
      await expect.poll(() => paragraphs(page)).toContain('Underlined and struck')
      await markLine('Highlighted words', 'ArrowUp', ['Control+Shift+h'])
      await markLine('Underlined and struck', 'ArrowDown', ['Control+u', 'Control+Shift+s'])
      await page.keyboard.press('End')
      await expect.poll(() => page.locator('.document mark').count()).toBe(1)
      await expect
        .poll(() => page.locator('.document s').allInnerTexts())
        .toEqual(['Underlined and struck'])
      await expect.poll(() => page.locator('.document u').count()).toBe(1)
      const sideways = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      expect(sideways).toBeLessThanOrEqual(0)
      // The highlight is visible in both schemes: its background differs from the page's.
      const colours = await page.evaluate(() => {
        const mark = document.querySelector('.document mark')!
        const page = document.querySelector('.document')!
        return [getComputedStyle(mark).backgroundColor, getComputedStyle(page).backgroundColor]
      })
      expect(colours[0]).not.toBe(colours[1])
      await page.screenshot({ path: path.join(ARTIFACTS_DIR, `rich-text-${label}.png`) })
      expect(track.errors).toEqual([])
    })
  }
})
