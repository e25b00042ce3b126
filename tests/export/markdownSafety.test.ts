/**
 * [MDS] Hostile text in a Markdown export stays text. Every export is read back by micromark
 * with GitHub's extensions (raw HTML let through, so anything that escaped shows up as an
 * element): no element but Markdown's own appears, no raw HTML but the fixed underline and highlight tags,
 * and the text a reader sees is the text that was written.
 */
import fc from 'fast-check'
import { parseHTML } from 'linkedom'
import type { Nodes } from 'mdast'
import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../server/export/markdown'
import type { Block, ExportModel, Inline, TextRun } from '../../server/export/model'
import { markdownToHtml, markdownToTree, rawHtml, visibleText } from './markdownRead'

/** Elements a Markdown export may render to; anything else came from user text. */
const MARKDOWN_ELEMENTS = new Set([
  'P',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'STRONG',
  'EM',
  'DEL',
  'CODE',
  'PRE',
  'A',
  'UL',
  'OL',
  'LI',
  'BLOCKQUOTE',
  'HR',
  'BR',
  'SECTION',
  'SUP',
  'U',
  'MARK',
])

/** The raw HTML the exporter itself writes: Markdown has no underline or highlight. */
const FIXED_TAGS = new Set(['<u>', '</u>', '<mark>', '</mark>'])

const ATTACK = '<img src=x onerror=alert(1)>'

function model(blocks: Block[], meta: Partial<ExportModel['meta']> = {}): ExportModel {
  return {
    meta: {
      title: 'Hostile',
      team: null,
      authors: [],
      exportedAt: '2024-03-07T10:00:00.000Z',
      dateLabel: '7 March 2024',
      updatedAt: '2024-03-07T09:00:00.000Z',
      updatedLabel: '7 March 2024, 09:00 UTC',
      version: '0123456789',
      marking: null,
      notes: 'footnotes',
      citationStyle: 'chicago',
      citationStyleLabel: 'Chicago (full notes)',
      ...meta,
    },
    blocks,
    notes: [],
    sources: [],
    appendSourcesList: false,
    unverifiedQuotes: 0,
    warnings: [],
  }
}

const paragraphOf = (...content: Inline[]): Block => ({ type: 'paragraph', content })
const run = (text: string, marks: Partial<TextRun> = {}): TextRun => ({
  type: 'text',
  text,
  ...marks,
})

/** Elements micromark produced that Markdown itself never makes. */
function foreignElements(markdown: string): string[] {
  const { document } = parseHTML(
    `<!doctype html><html><body>${markdownToHtml(markdown)}</body></html>`,
  )
  return [...document.body.querySelectorAll('*')]
    .map((element) => element.tagName)
    .filter((tag) => !MARKDOWN_ELEMENTS.has(tag))
}

/** The blocks after the title block's rule, as the syntax tree a reader's parser builds. */
function bodyOf(markdown: string): Nodes[] {
  const tree = markdownToTree(markdown)
  return tree.children.slice(tree.children.findIndex((n) => n.type === 'thematicBreak') + 1)
}

function expectInert(markdown: string, what: string): void {
  expect(foreignElements(markdown), what).toEqual([])
  expect(
    rawHtml(markdownToTree(markdown)).filter((html) => !FIXED_TAGS.has(html)),
    what,
  ).toEqual([])
}

describe('[MDS] Markdown export of hostile text', () => {
  it('[MDS1] a code mark holding blank lines does not end the span and let HTML through', () => {
    const cases = [
      `a\n\n${ATTACK}`,
      `a\n\n${ATTACK}\n\n`,
      `\n\n${ATTACK}\n\n`,
      `\r\n\r\n${ATTACK}`,
      `\`\`\`\n\n${ATTACK}\n\n\``,
      `a\n\n    ${ATTACK}\n\n---\n\n# h`,
    ]
    for (const text of cases) {
      for (const marks of [
        { code: true },
        { code: true, bold: true },
        { code: true, underline: true },
        { code: true, highlight: true },
      ]) {
        const markdown = renderMarkdown(
          model([paragraphOf(run('before '), run(text, marks as Partial<TextRun>))]),
        )
        const what = `${JSON.stringify(text)} ${JSON.stringify(marks)}`
        expectInert(markdown, what)
        const [body, ...rest] = bodyOf(markdown)
        expect(rest, what).toEqual([])
        // Inside a code span a line ending reads as a space; that is all that changes.
        expect(visibleText(body!).replace(/\s+/g, ' ').trim(), what).toBe(
          `before ${text.trim()}`.replace(/\s+/g, ' '),
        )
      }
    }
  })

  it('[MDS2] hostile text in every place an export writes text stays text', () => {
    const hostile = `x\n\n${ATTACK}\n\n<script>alert(1)</script> *y*`
    const quote: Block = {
      type: 'quote',
      quoteId: 'q1',
      text: hostile,
      speaker: hostile,
      role: hostile,
      sourceTitle: hostile,
      note: { type: 'noteRef', number: 1 },
      paragraph: null,
      status: 'altered',
      problem: hostile,
    }
    const blocks: Block[] = [
      { type: 'heading', level: 1, content: [run(hostile)] },
      paragraphOf(
        run(hostile, { link: 'https://example.test/a b<c>' }),
        { type: 'break' },
        run(hostile, { code: true }),
      ),
      {
        type: 'bulletList',
        items: [{ blocks: [paragraphOf(run(hostile, { italic: true, strike: true }))] }],
      },
      {
        type: 'orderedList',
        start: 3,
        items: [{ blocks: [paragraphOf(run(hostile, { code: true }))] }],
      },
      { type: 'blockquote', blocks: [paragraphOf(run(hostile, { code: true, underline: true }))] },
      { type: 'codeBlock', language: 'js\n<b>x</b>', text: `\`\`\`\n${hostile}\n\`\`\`` },
      quote,
      { type: 'sourcesList' },
    ]
    const markdown = renderMarkdown({
      ...model(blocks, {
        title: hostile,
        team: hostile,
        authors: [hostile],
        marking: hostile,
        version: hostile,
      }),
      notes: [{ number: 1, sourceId: 's', text: [run(hostile, { code: true })] }],
      sources: [{ number: 1, sourceId: 's', text: [run(hostile)], url: null, missing: false }],
      unverifiedQuotes: 1,
    })
    expectInert(markdown, markdown)
    const visible = visibleText(markdownToTree(markdown))
    expect(visible).toContain(`x\n\n${ATTACK}\n\n<script>alert(1)</script> *y*`)
    // In code spans each line ending reads as the space a renderer would show.
    expect(visible).toContain(`x  ${ATTACK}  <script>alert(1)</script> *y*`)
  })

  it('[MDS4] adjacent runs with the same mark read as one run, not as a stray marker', () => {
    // Found by MDS3: two struck runs side by side wrote `~~a~~~~aa~~`, which GFM reads as
    // text with tildes in it.
    for (const marks of [{ strike: true }, { bold: true }, { italic: true }] as const) {
      const markdown = renderMarkdown(model([paragraphOf(run('a', marks), run('aa', marks))]))
      const seen = bodyOf(markdown).map(visibleText).join('')
      expect(seen, markdown).toBe('aaa')
    }
  })

  it('[MDS5] a bracket in a code span inside a link never makes the line a link definition', () => {
    // Found by MDS3 (seed 1502246298): the first line "[`]:a`a" read as a definition and
    // vanished. The second case is a whole-line definition with a title.
    const link = 'https://example.test/x'
    for (const content of [
      [run(']:a', { code: true, link }), run('a\na', { link }), run('a', {})],
      [run(']: x', { code: true, link })],
    ]) {
      const markdown = renderMarkdown(model([paragraphOf(...content)]))
      expectInert(markdown, markdown)
      const seen = bodyOf(markdown).map(visibleText).join('')
      const written = content.map((r) => r.text).join('')
      expect(seen.replace(/\s+/g, ' '), markdown).toBe(written.replace(/\s+/g, ' '))
    }
  })

  it('[MDS3] property: random runs with random marks render to exactly their text, and no HTML', () => {
    const alphabet = fc.constantFrom(
      ...'ab <>&;#*_`~[]()!\\|$^:/@.-+=1\n\r\t'.split(''),
      '<img src=x onerror=alert(1)>',
      '<script>',
      '&amp;',
      '&#60;',
      'https://x.test',
      '[^1]',
      '    ',
      '\n\n',
      '```',
    )
    const text = fc.array(alphabet, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''))
    const marks = fc.record(
      {
        bold: fc.constant(true as const),
        italic: fc.constant(true as const),
        underline: fc.constant(true as const),
        strike: fc.constant(true as const),
        highlight: fc.constant(true as const),
        code: fc.constant(true as const),
        link: fc.constant('https://example.test/x'),
      },
      { requiredKeys: [] },
    )
    const runs = fc.array(
      fc.tuple(text, marks).map(([t, m]) => run(t, m)),
      { minLength: 1, maxLength: 6 },
    )
    fc.assert(
      fc.property(runs, (content) => {
        const markdown = renderMarkdown(model([paragraphOf(...content)]))
        expectInert(markdown, markdown)
        const body = bodyOf(markdown)
        const seen = body.map(visibleText).join('\n\n')
        const written = content
          .map((r) => (r.code ? r.text.replace(/\r\n|\r|\n/g, ' ') : r.text))
          .join('')
        // Markdown cannot keep what a reader would not see anyway: where a paragraph starts
        // and ends, spaces a renderer collapses, and line ending conventions.
        const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim()
        expect(squeeze(seen)).toBe(squeeze(written))
      }),
      { numRuns: 400 },
    )
  })
})
