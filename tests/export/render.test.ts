/**
 * [EXR] Rendering details that need no server: glyph coverage reports, Typst diagnostics
 * on a failed compile, the warnings header, file names, Markdown/HTML escaping, and what
 * the PDF prints on every page.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ExportCompileError,
  Exporter,
  type ExportModel,
  encodeWarningsHeader,
  exportFilename,
} from '../../server/export'
import { escapeHtml } from '../../server/export/html/renderHtml'
import { renderMarkdown } from '../../server/export/markdown'
import type { Block } from '../../server/export/model'
import { loadExportCoverage, missingGlyphWarnings } from '../../server/export/pdf/fonts'
import { TEMPLATE_DIR } from '../../server/export/pdf/typstRenderer'
import { tempDir } from '../helpers/server'
import { markdownToTree, visibleText } from './markdownRead'
import { pdfPageTexts, pdfText } from './read'

function minimalModel(text: string): ExportModel {
  return {
    meta: {
      title: 'Glyphs',
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
    },
    blocks: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
    notes: [],
    sources: [],
    appendSourcesList: false,
    unverifiedQuotes: 0,
    warnings: [],
  }
}

describe('PDF rendering', () => {
  it('[EXR1] Latin, Cyrillic and Greek are covered; a character no font has is reported', async () => {
    const coverage = loadExportCoverage()
    expect(missingGlyphWarnings('Odesa Одеса Їжак ґанок Ελληνικά ΐΰ ŁłŒœß “—”', coverage)).toEqual(
      [],
    )
    expect(missingGlyphWarnings('中文 and 中', coverage)).toEqual([
      'no font has a glyph for U+4E2D "中" (2 times); it prints as a blank box',
      'no font has a glyph for U+6587 "文" (once); it prints as a blank box',
    ])
    const exporter = new Exporter()
    const rendered = await exporter.render(minimalModel('Порт Ελληνικά 中'), 'pdf')
    expect(rendered.warnings).toEqual([
      'no font has a glyph for U+4E2D "中" (once); it prints as a blank box',
    ])
    const { text } = await pdfText(rendered.body)
    expect(text).toContain('Порт Ελληνικά')
  })

  it('[EXR2] a template that fails to compile surfaces Typst’s own diagnostic', async () => {
    const dir = tempDir('briefing-template-')
    fs.writeFileSync(
      path.join(dir, 'briefing.typ'),
      `${fs.readFileSync(path.join(TEMPLATE_DIR, 'briefing.typ'), 'utf8')}\n#let broken = (\n`,
    )
    const exporter = new Exporter({ templateDir: dir })
    const failure = await exporter.render(minimalModel('x'), 'pdf').catch((err: unknown) => err)
    expect(failure).toBeInstanceOf(ExportCompileError)
    const error = failure as ExportCompileError
    expect(error.diagnostics[0]).toMatchObject({ severity: 'error', path: '__main__.typ' })
    expect(error.message).toMatch(/^PDF typesetting failed: .*unclosed delimiter/)
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('[EXR3] the warnings header is ASCII JSON, cut with a count when long', () => {
    const header = encodeWarningsHeader(['no glyph for "中"', 'second'])
    expect(header).toMatch(/^[\x20-\x7e]+$/)
    expect(JSON.parse(header)).toEqual(['no glyph for "中"', 'second'])
    const many = Array.from({ length: 200 }, (_, i) => `warning number ${i} ${'x'.repeat(40)}`)
    const cut = JSON.parse(encodeWarningsHeader(many)) as string[]
    expect(encodeWarningsHeader(many).length).toBeLessThanOrEqual(4000)
    expect(cut.at(-1)).toMatch(/^\d+ more warnings$/)
    expect(cut.length - 1 + Number(cut.at(-1)!.split(' ')[0])).toBe(200)
  })
})

/** A model of several pages, marked, with a version and labels that change per export. */
function pagedModel(): ExportModel {
  const model = minimalModel('')
  const sentence =
    'The assessment weighs port throughput, insurance exposure and official statements against what crews reported. '
  const blocks: Block[] = []
  for (let section = 1; section <= 6; section++) {
    blocks.push({
      type: 'heading',
      level: 1,
      content: [{ type: 'text', text: `Section ${section}` }],
    })
    for (let p = 0; p < 4; p++) {
      blocks.push({ type: 'paragraph', content: [{ type: 'text', text: sentence.repeat(8) }] })
    }
  }
  return { ...model, meta: { ...model.meta, title: 'Harbor closure', marking: 'SECRET' }, blocks }
}

describe('PDF page furniture', () => {
  it('[EXR6] every page: marking, page N of M, title and date; version only in the title block', async () => {
    const rendered = await new Exporter().render(pagedModel(), 'pdf')
    const pages = await pdfPageTexts(rendered.body)
    expect(pages.length).toBeGreaterThanOrEqual(3)
    pages.forEach((page, i) => {
      expect(page.match(/SECRET/g), `page ${i + 1}`).toHaveLength(2)
      expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} of ${pages.length}`)
      if (i > 0) {
        expect(page, `page ${i + 1}`).toContain('Harbor closure')
        expect(page, `page ${i + 1}`).toContain('7 March 2024')
      }
    })
    // The version and the last edit are on the title page, once, and on no other page:
    // what changes on every export must not be printed on every page (see EXR7).
    expect(pages[0]).toContain('VERSION 0123456789 · last edited 7 March 2024, 09:00 UTC')
    expect(pages.join(' ').match(/0123456789/g)).toHaveLength(1)
    expect(pages.join(' ').match(/last edited/g)).toHaveLength(1)
  })

  it('[EXR7] the page header, footer and marking read no per-export field', () => {
    // Typst re-lays out every page whose header or footer closure captures a changed value,
    // so reading `meta` (version, export time, last edit) there made every warm export of a
    // long briefing typeset all its pages again: 4× slower for 20 pages.
    const template = fs.readFileSync(path.join(TEMPLATE_DIR, 'briefing.typ'), 'utf8')
    const between = (start: string, end: string) => {
      const from = template.indexOf(start)
      const to = template.indexOf(end, from)
      expect(from, start).toBeGreaterThanOrEqual(0)
      expect(to, end).toBeGreaterThan(from)
      return template.slice(from, to)
    }
    const perPage = [
      between('#let marking-banner()', '\n}\n'),
      between('#set page(', '// ---- Title block'),
    ]
    for (const code of perPage) {
      expect(code).toMatch(/marking/)
      expect(code).not.toMatch(/\b(meta|data|sys)\b/)
      expect(code).not.toMatch(/version|updated|exportedAt/i)
    }
  })
})

describe('text safety', () => {
  it('[EXR4] file names keep the title but nothing a file system or header would choke on', () => {
    expect(exportFilename('Harbor: the "plan" / v2?', 'pdf')).toBe('Harbor the plan v2.pdf')
    expect(exportFilename('../../etc/passwd', 'md')).toBe('etc passwd.md')
    expect(exportFilename('Звіт щодо порту', 'docx')).toBe('Звіт щодо порту.docx')
    expect(exportFilename('...', 'html')).toBe('briefing.html')
    expect(exportFilename('a\u0000b\nc', 'pdf')).toBe('a b c.pdf')
    expect(exportFilename('x'.repeat(300), 'pdf')).toHaveLength(84)
  })

  it('[EXR5] Markdown and HTML escaping leave no syntax in user text', () => {
    const cases = [
      '# not a heading',
      'Plan #',
      '1. not a list',
      '- item\n> quote',
      '*a* _b_ `c` [d](e) <f> $g$ |h| ~i~ &amp;',
    ]
    for (const text of cases) {
      const markdown = renderMarkdown(minimalModel(text))
      // Read back by a real parser, the user's text is one plain text node, exactly as typed.
      const tree = markdownToTree(markdown)
      const body = tree.children[tree.children.findIndex((n) => n.type === 'thematicBreak') + 1]
      expect(body?.type, text).toBe('paragraph')
      expect(body && 'children' in body ? body.children.map((n) => n.type) : [], text).toEqual([
        'text',
      ])
      expect(body && visibleText(body), text).toBe(text)
    }
    // What CommonMark does not read as syntax but GitHub's maths and tables would.
    expect(renderMarkdown(minimalModel('$g$ |h|'))).toContain('\\$g\\$ \\|h\\|')
    expect(escapeHtml('<script>alert("x")</script> & \'')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;',
    )
  })
})
