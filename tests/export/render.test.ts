/**
 * [EXR] Rendering details that need no server: glyph coverage reports, Typst diagnostics
 * on a failed compile, the warnings header, file names, and Markdown/HTML escaping.
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
import { escapeText } from '../../server/export/markdown'
import { loadExportFonts, missingGlyphWarnings } from '../../server/export/pdf/fonts'
import { TEMPLATE_DIR } from '../../server/export/pdf/typstRenderer'
import { tempDir } from '../helpers/server'
import { pdfText } from './read'

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
    const { coverage } = loadExportFonts()
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
    expect(escapeText('# not a heading')).toBe('\\# not a heading')
    expect(escapeText('Plan #')).toBe('Plan \\#')
    expect(escapeText('1. not a list')).toBe('1\\. not a list')
    expect(escapeText('- item\n> quote')).toBe('\\- item\n\\> quote')
    expect(escapeText('*a* _b_ `c` [d](e) <f> $g$ |h| ~i~ &amp;')).toBe(
      '\\*a\\* \\_b\\_ \\`c\\` \\[d\\](e) \\<f> \\$g\\$ \\|h\\| \\~i\\~ \\&amp;',
    )
    expect(escapeHtml('<script>alert("x")</script> & \'')).toBe(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;',
    )
  })
})
