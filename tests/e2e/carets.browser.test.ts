/**
 * Other people's carets follow their awareness: a caret already on screen takes a new colour
 * (someone who gave way to a colleague with the same usual colour) and a new name at once.
 * The other person is a real y-websocket client in this process, so the test decides when
 * the colour changes; people in browsers decide it from random client ids.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { IDENTITY_COLORS } from '../../client/src/identity/identity'
import { appendParagraph, connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { startTestServer, type TestServer } from '../helpers/server'
import { rememberToken } from '../helpers/tokens'
import { collabToken, createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { builtClient, launchChromium, openTrackedPage } from './browser'

/** `#rrggbb` as getComputedStyle reports it. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16)
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`
}

describe('other people’s carets', () => {
  let server: TestServer
  let browser: Browser
  let ada: TestUser
  let robo: TestClient | null = null
  const contexts: BrowserContext[] = []
  const errors: string[] = []

  beforeAll(async () => {
    browser = await launchChromium()
    server = await startTestServer({ clientDir: builtClient() })
    ada = await signUp(server.url, { name: 'Ada Lovelace' })
  })

  afterAll(async () => {
    robo?.destroy()
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
  })

  it('[CAR1] a caret on screen takes its person’s new colour and name, label and selection too', async () => {
    const grace = await signUp(server.url, { name: 'Grace Hopper' })
    const id = await createBriefingAs(ada, 'Carets')
    const shared = await ada.api(`/api/briefings/${id}/shares`, {
      method: 'PUT',
      body: { email: grace.email, role: 'editor' },
    })
    expect(shared.status).toBe(200)
    rememberToken(id, await collabToken(grace, id))
    robo = connectClient(server.wsUrl, id)
    await waitSynced(robo)
    appendParagraph(robo, 'Mediators meet again on Friday.')
    const text = (robo.fragment.get(robo.fragment.length - 1) as Y.XmlElement).get(0) as Y.XmlText
    // Positions as the editor makes them (associated with the character before): y-tiptap
    // draws no caret for a position associated with the character after.
    const at = (index: number) =>
      Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, index, -1))
    const [first, second] = [IDENTITY_COLORS[0], IDENTITY_COLORS[4]]
    robo.provider.awareness.setLocalState({
      user: { name: 'Grace Hopper', color: first },
      cursor: { anchor: at(1), head: at(9) },
    })

    const page: Page = await openTrackedPage(browser, server.url, ada, 'ada', { contexts, errors })
    await page.goto(`/b/${id}`)
    // Carets are drawn on awareness changes once the editor is bound to the document; a state
    // that arrived before (with the first sync) shows at the person's next move, so move.
    await page.locator('.document', { hasText: 'on Friday' }).waitFor()
    robo.provider.awareness.setLocalStateField('cursor', { anchor: at(1), head: at(10) })
    const caret = page.locator('.collaboration-carets__caret')
    const label = page.locator('.collaboration-carets__label')
    const seen = () =>
      page.evaluate(() => {
        const style = (selector: string, property: 'borderLeftColor' | 'backgroundColor') => {
          const el = document.querySelector(selector)
          return el ? getComputedStyle(el)[property] : null
        }
        return {
          caret: style('.collaboration-carets__caret', 'borderLeftColor'),
          label: style('.collaboration-carets__label', 'backgroundColor'),
          // The selection is translucent: compare its colour without the alpha.
          selection: style('.ProseMirror-yjs-selection', 'backgroundColor')?.replace(
            /rgba\((\d+), (\d+), (\d+), [\d.]+\)/,
            'rgb($1, $2, $3)',
          ),
          name: document.querySelector('.collaboration-carets__label')?.textContent ?? null,
        }
      })
    await expect.poll(seen, { timeout: 15_000 }).toEqual({
      caret: rgb(first),
      label: rgb(first),
      selection: rgb(first),
      name: 'Grace Hopper',
    })

    // Grace gives way to a colleague with her colour, and is renamed: the caret already drawn
    // follows, as her avatar and selection do.
    robo.provider.awareness.setLocalStateField('user', { name: 'Grace B. Hopper', color: second })
    await expect.poll(seen, { timeout: 15_000 }).toEqual({
      caret: rgb(second),
      label: rgb(second),
      selection: rgb(second),
      name: 'Grace B. Hopper',
    })
    expect(await caret.count()).toBe(1)
    expect(await label.count()).toBe(1)
    expect(errors).toEqual([])
  })
})
