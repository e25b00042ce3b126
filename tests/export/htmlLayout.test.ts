/**
 * [EXP] Export polish in the HTML export: paragraphs are set ragged right, since a browser
 * justifies line by line and leaves wide gaps between words that the PDF's typesetter avoids.
 */
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { Exporter, type ExportModel } from '../../server/export'

function modelWith(text: string): ExportModel {
  return {
    meta: {
      title: 'Ragged',
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

describe('HTML export layout', () => {
  it('[EXP1] no text is justified: the stylesheet sets paragraphs ragged right', async () => {
    const html = (await new Exporter().render(modelWith('Short words.'), 'html')).body.toString()
    const { document } = parseHTML(html)
    const css = [...document.querySelectorAll('style')].map((s) => s.textContent).join('\n')
    expect(css).toMatch(/(^|\n)p \{[^}]*text-align: start/)
    expect(css).not.toMatch(/justify/)
    expect(html).not.toMatch(/style="[^"]*justify/)
  })
})
