/**
 * Turns citeproc's HTML output into RichText runs, so every renderer can show a citation's
 * italics (titles of publications) in its own way and escape its text its own way. citeproc
 * emits a small, known set of tags; anything else contributes its text only.
 */
import { parseHTML } from 'linkedom'
import type { RichText, TextRun } from '../model'

interface Style {
  italic: boolean
  bold: boolean
}

/** The runs of `html`; `url`, where it appears in the text, becomes a link. */
export function cslHtmlToRuns(html: string, url: string | null): RichText {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`)
  const runs: TextRun[] = []
  walk(document.body as unknown as Node, { italic: false, bold: false }, runs)
  return linkUrl(mergeRuns(tidySpaces(runs)), url)
}

function walk(node: Node, style: Style, runs: TextRun[]): void {
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) {
      const text = (child.textContent ?? '').replace(/\s+/g, ' ')
      if (text) runs.push(withStyle({ type: 'text', text }, style))
      continue
    }
    if (child.nodeType !== 1) continue
    const element = child as Element
    // Numeric styles print their own number in the left margin; the exporter numbers entries.
    if (element.classList.contains('csl-left-margin')) continue
    walk(element, nextStyle(element, style), runs)
  }
}

function nextStyle(element: Element, style: Style): Style {
  const tag = element.tagName.toLowerCase()
  const css = (element.getAttribute('style') ?? '').replace(/\s/g, '')
  if (tag === 'i' || tag === 'em' || css.includes('font-style:italic'))
    return { ...style, italic: true }
  if (css.includes('font-style:normal')) return { ...style, italic: false }
  if (tag === 'b' || tag === 'strong' || css.includes('font-weight:bold'))
    return { ...style, bold: true }
  return style
}

function withStyle(run: TextRun, style: Style): TextRun {
  if (style.italic) run.italic = true
  if (style.bold) run.bold = true
  return run
}

/** Collapses spaces across run boundaries (citeproc's markup is indented) and trims the ends. */
function tidySpaces(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = []
  let atSpace = true
  for (const run of runs) {
    const text: string = atSpace ? run.text.replace(/^ +/, '') : run.text
    if (text === '') continue
    out.push({ ...run, text })
    atSpace = text.endsWith(' ')
  }
  while (out.length > 0) {
    const last = out[out.length - 1]!
    last.text = last.text.replace(/ +$/, '')
    if (last.text !== '') break
    out.pop()
  }
  return out
}

function sameStyle(a: TextRun, b: TextRun): boolean {
  return a.italic === b.italic && a.bold === b.bold && a.link === b.link
}

function mergeRuns(runs: TextRun[]): TextRun[] {
  const merged: TextRun[] = []
  for (const run of runs) {
    const previous = merged[merged.length - 1]
    if (previous && sameStyle(previous, run)) previous.text += run.text
    else merged.push({ ...run })
  }
  return merged
}

function linkUrl(runs: TextRun[], url: string | null): TextRun[] {
  if (!url || !/^https?:\/\//i.test(url)) return runs
  const out: TextRun[] = []
  for (const run of runs) {
    const at = run.text.indexOf(url)
    if (at === -1 || run.link) {
      out.push(run)
      continue
    }
    const before = run.text.slice(0, at)
    const after = run.text.slice(at + url.length)
    if (before) out.push({ ...run, text: before })
    out.push({ ...run, text: url, link: url })
    if (after) out.push({ ...run, text: after })
  }
  return out
}
