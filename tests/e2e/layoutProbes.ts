/**
 * Measurements taken inside a real page for the layout tests (layout.browser.test.ts): what
 * sticks out past the window, which controls a person cannot reach or hit, and which text
 * falls short of WCAG AA contrast. Each probe runs in the page (`page.evaluate`) and returns
 * plain descriptions of the offenders, so a failure names them.
 */
import type { Page } from 'playwright-core'

/** Everything a person operates: the elements the reach and size probes look at. */
const CONTROLS =
  'button, a[href], input:not([type="hidden"]), select, textarea, summary, ' +
  '[role="button"], [role="tab"], [role^="menuitem"], [role="switch"], [contenteditable="true"]'

/**
 * Elements whose box runs past the window's left or right edge, or is cut off at the side by
 * a box that clips its content (a dialog, a panel): either way a person sees only part of it.
 * A box that scrolls sideways on purpose says so with `data-scrolls-sideways`.
 */
export function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 30)}"`
    /** The left and right edges of what `el` can be seen within. */
    const visibleSpan = (el: Element): [number, number] | null => {
      let [left, right] = [0, width]
      for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
        if (getComputedStyle(up).overflowX === 'visible') continue
        if (up.hasAttribute('data-scrolls-sideways')) return null
        const box = up.getBoundingClientRect()
        left = Math.max(left, box.left + up.clientLeft)
        right = Math.min(right, box.left + up.clientLeft + up.clientWidth)
      }
      return [left, right]
    }
    const found: string[] = []
    if (document.documentElement.scrollWidth > width) {
      found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`)
    }
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect()
      if (box.width === 0 || box.height === 0) continue
      if (getComputedStyle(el).visibility === 'hidden' || el.closest('.visually-hidden')) continue
      const span = visibleSpan(el)
      if (span && (box.right > span[1] + 0.5 || box.left < span[0] - 0.5)) {
        found.push(
          `${describe(el)} spans ${Math.round(box.left)}–${Math.round(box.right)}, ` +
            `seen within ${Math.round(span[0])}–${Math.round(span[1])}`,
        )
      }
    }
    return found
  })
}

/**
 * Shown controls a person cannot reach: scrolled into view, the control's centre must lie
 * inside the window and a press there must land on the control (or its label), not on
 * something covering it. `within` limits the probe to an open sheet, which covers the page
 * behind it on purpose.
 */
export function unreachable(page: Page, within = 'body'): Promise<string[]> {
  return page.evaluate(
    ({ selector, within }) => {
      const found: string[] = []
      const width = document.documentElement.clientWidth
      const height = document.documentElement.clientHeight
      for (const el of document.querySelectorAll<HTMLElement>(`${within} :is(${selector})`)) {
        const style = getComputedStyle(el)
        if (el.getClientRects().length === 0 || style.visibility === 'hidden') continue
        if (el.closest('[inert], [aria-hidden="true"]')) continue
        // Behind an open modal dialog nothing is meant to be reachable.
        const modal = document.querySelector('dialog[open]:modal')
        if (modal && !modal.contains(el)) continue
        el.scrollIntoView({ block: 'center', inline: 'center' })
        const box = el.getBoundingClientRect()
        const x = box.left + box.width / 2
        const y = box.top + box.height / 2
        const name = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`
        if (x < 0 || x > width || y < 0 || y > height) {
          found.push(`${name} is out of the window at ${Math.round(x)},${Math.round(y)}`)
          continue
        }
        const hit = document.elementFromPoint(x, y)
        const label = hit?.closest('label')
        const reached =
          hit !== null && (el === hit || el.contains(hit) || label?.contains(el) === true)
        if (!reached) {
          const over = hit ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}` : 'none'
          found.push(`${name} is covered by ${over}`)
        }
      }
      window.scrollTo(0, 0)
      return found
    },
    { selector: CONTROLS, within },
  )
}

/**
 * Shown controls smaller than `min` px either way. A control inside a label is measured by
 * the label, which takes its presses; links inside running text are exempt, as in WCAG 2.5.8.
 */
export function undersized(page: Page, min: number, within = 'body'): Promise<string[]> {
  return page.evaluate(
    ({ selector, min, within }) => {
      const found: string[] = []
      for (const el of document.querySelectorAll<HTMLElement>(`${within} :is(${selector})`)) {
        if (el.getClientRects().length === 0 || getComputedStyle(el).visibility === 'hidden') {
          continue
        }
        if (el.isContentEditable && el.getAttribute('contenteditable') !== 'true') continue
        if (el.tagName === 'A' && getComputedStyle(el).display === 'inline') continue
        const target = el.closest('label') ?? el
        const box = target.getBoundingClientRect()
        // Half a pixel of slack for sub-pixel layout.
        if (box.width < min - 0.5 || box.height < min - 0.5) {
          const name = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}"`
          const finding = `${name} is ${Math.round(box.width)}×${Math.round(box.height)}`
          // Once per kind of control: the same button on every card says no more.
          if (!found.includes(finding)) found.push(finding)
        }
      }
      return found
    },
    { selector: CONTROLS, min, within },
  )
}

/** One piece of text measured by `lowContrast`. */
export interface ContrastFinding {
  text: string
  ratio: number
  needed: number
  color: string
  background: string
}

/**
 * Text whose contrast with what is behind it is below WCAG AA: 4.5:1, or 3:1 for large text
 * (24 px, or 18.66 px bold). Colours are the computed ones, translucent layers blended onto
 * the first opaque background below them; opacity on the way up fades the text. Disabled
 * controls are exempt (WCAG 1.4.3), and so is text nobody can see (opacity 0).
 */
export function lowContrast(page: Page): Promise<ContrastFinding[]> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number]
    const parse = (value: string): Rgba => {
      const m = value.match(/^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)$/)
      if (!m) throw new Error(`unexpected colour ${value}`)
      return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])]
    }
    // `top` painted over the opaque `bottom`.
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3]
      const mix = (t: number, b: number) => t * a + b * (1 - a)
      return [mix(top[0], bottom[0]), mix(top[1], bottom[1]), mix(top[2], bottom[2]), 1]
    }
    const luminance = ([r, g, b]: Rgba) => {
      const lin = (c: number) => {
        const s = c / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
    }
    const ratioOf = (a: Rgba, b: Rgba) => {
      const [la, lb] = [luminance(a), luminance(b)]
      return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05)
    }
    const backgroundOf = (el: Element): Rgba => {
      const layers: Rgba[] = []
      for (let up: Element | null = el; up; up = up.parentElement) {
        const layer = parse(getComputedStyle(up).backgroundColor)
        if (layer[3] > 0) layers.push(layer)
        if (layer[3] >= 1) break
      }
      // Below everything is the canvas the root's colour scheme paints.
      let base = parse(getComputedStyle(document.documentElement).backgroundColor)
      if (base[3] < 1) base = over(base, [255, 255, 255, 1])
      return layers.reverse().reduce((below, layer) => over(layer, below), base)
    }
    const opacityOf = (el: Element) => {
      let opacity = 1
      for (let up: Element | null = el; up; up = up.parentElement) {
        opacity *= Number(getComputedStyle(up).opacity)
      }
      return opacity
    }
    const findings: ContrastFinding[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    const seen = new Set<Element>()
    const reported = new Set<string>()
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement
      if (!el || seen.has(el) || !node.textContent?.trim()) continue
      seen.add(el)
      const style = getComputedStyle(el)
      if (el.getClientRects().length === 0 || style.visibility === 'hidden') continue
      if (el.closest(':disabled, [aria-disabled="true"], .visually-hidden')) continue
      const opacity = opacityOf(el)
      if (opacity === 0) continue
      const background = backgroundOf(el)
      const ink = parse(style.color)
      const color = over([ink[0], ink[1], ink[2], ink[3] * opacity], background)
      const size = Number.parseFloat(style.fontSize)
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700)
      const needed = large ? 3 : 4.5
      const ratio = ratioOf(color, background)
      const key = `${style.color}|${background.join()}|${needed}`
      if (ratio < needed && !reported.has(key)) {
        // One finding per pair of colours: a list of the same failure on every row says less.
        reported.add(key)
        findings.push({
          text: node.textContent.trim().slice(0, 40),
          ratio: Math.round(ratio * 100) / 100,
          needed,
          color: style.color,
          background: `rgb(${background.slice(0, 3).map(Math.round).join(' ')})`,
        })
      }
    }
    return findings
  })
}
