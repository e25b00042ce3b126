/**
 * Importers by format: PDF and DOCX round trips (files built in the test), HTML metadata from
 * the places real pages keep it, boilerplate inside the article, and plain-text layouts.
 */

import { describe, expect, it } from 'vitest'
import { type ImportResult, importSource, SourceImportError } from '../../server/sources'
import { PARAGRAPH_SEPARATOR } from '../../shared/sources/types'
import { malformedPdf } from '../hostile/hostileFiles'
import { makeDocx, makePdf, typstText } from './makeDocuments'

const STORY = [
  'GENOA — Dockworkers in Genoa voted on Sunday to end a 12-day strike that had left more than 40 container ships waiting at anchor outside the port, after the operators agreed to a new shift system.',
  '“We have a deal that respects the work we do,” said union leader Marco Ferri. “Nobody will be asked to work a third night in a row.”',
  'The port operator, Liguria Terminals, said in a statement that the agreement would cost it about 9 million euros a year but that the strike had cost far more.',
  'Port authority president Giulia Rossi said the backlog would take “at least two weeks” to clear. She added that priority would go to ships carrying perishable goods.',
  'Shipping analysts had warned that the strike was pushing freight rates up across the western Mediterranean, as carriers diverted cargo to Marseille and Valencia.',
  '“The damage to Genoa’s reputation is real, but it is not permanent,” said Paolo Conti, an analyst at Tirreno Research. “Shippers have short memories when the price is right.”',
  'Ferri said the union would hold a meeting next month to review how the new shifts were working. The operators did not comment on the timing.',
]

function body(result: ImportResult): string {
  return result.paragraphs.join(PARAGRAPH_SEPARATOR)
}

function speakerOf(result: ImportResult, text: string): string | null | undefined {
  return result.quotes.find((q) => q.text.includes(text))?.speaker
}

function expectStoryQuotes(result: ImportResult): void {
  for (const q of result.quotes) expect(body(result).slice(q.start, q.end)).toBe(q.text)
  expect(speakerOf(result, 'We have a deal')).toBe('Marco Ferri')
  expect(speakerOf(result, 'Nobody will be asked')).toBe('Marco Ferri')
  expect(speakerOf(result, 'at least two weeks')).toBe('Giulia Rossi')
  expect(speakerOf(result, 'Shippers have short memories')).toBe('Paolo Conti')
}

describe('PDF import', () => {
  it('rebuilds paragraphs across wrapped lines and pages, dropping running heads', async () => {
    const markup = [
      '#set document(title: "Genoa strike ends", author: "Ines Moreau")',
      '#set page(width: 12cm, height: 12cm, header: [Coastal Herald], numbering: "1")',
      '#set text(size: 10pt)',
      '= Genoa dockworkers end strike after 12 days',
      '',
      'By Ines Moreau',
      '',
      ...STORY.map(typstText).flatMap((p) => [p, '']),
    ].join('\n')
    const result = await importSource({
      type: 'file',
      filename: 'strike.pdf',
      bytes: makePdf(markup),
    })
    expect(result.title).toBe('Genoa dockworkers end strike after 12 days')
    expect(result.byline).toBe('Ines Moreau')
    expect(result.kind).toBe('article')
    expect(result.paragraphs).toEqual(STORY)
    expect(body(result)).not.toContain('Coastal Herald')
    expectStoryQuotes(result)
  })

  it('reads a transcript with an issuer above its title', async () => {
    const markup = [
      'Ministry of Ports and Fisheries',
      '',
      'Weekly briefing by spokesperson Lena Berg',
      '',
      'Oslo, 3 March 2027',
      '',
      typstText('MS. BERG: Good morning. The northern quota talks resume on Monday in Tromsø.'),
      '',
      typstText('QUESTION: Will the talks finish this week?'),
      '',
      typstText('MS. BERG: We expect an agreement before the season opens, not before.'),
    ].join('\n')
    const result = await importSource({
      type: 'file',
      filename: 'briefing.pdf',
      bytes: makePdf(markup),
    })
    expect(result.kind).toBe('transcript')
    expect(result.publisher).toBe('Ministry of Ports and Fisheries')
    expect(result.title).toBe('Weekly briefing by spokesperson Lena Berg')
    expect(result.publishedAt).toBe('2027-03-03')
    expect(result.quotes.map((q) => [q.speaker, q.speakerRole, q.text])).toEqual([
      [
        'Lena Berg',
        'spokesperson',
        'Good morning. The northern quota talks resume on Monday in Tromsø.',
      ],
      ['Lena Berg', 'spokesperson', 'We expect an agreement before the season opens, not before.'],
    ])
  })

  it('refuses a PDF without a text layer, and a file that is not a PDF', async () => {
    const picture = makePdf('#rect(width: 3cm, height: 2cm, fill: gray)')
    await expect(
      importSource({ type: 'file', filename: 'scan.pdf', bytes: picture }),
    ).rejects.toThrow(/scan\.pdf has no text layer/)
    const notPdf = new TextEncoder().encode('%PDF-1.7 this is not really a PDF')
    await expect(
      importSource({ type: 'file', filename: 'fake.pdf', bytes: notPdf }),
    ).rejects.toThrow(SourceImportError)
  })

  it('[PDF11] refuses a PDF that opens but breaks when its pages are read, as unreadable', async () => {
    // pdf.js opens this one (the catalog and page count parse) and throws on page 1.
    const error = await importSource({
      type: 'file',
      filename: 'broken.pdf',
      bytes: malformedPdf(),
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(SourceImportError)
    expect(error).toMatchObject({ code: 'unreadable' })
    expect((error as Error).message).toMatch(/^broken\.pdf is not a readable PDF \(page 1\): /)
  })
})

describe('DOCX import', () => {
  it('reads title, byline and date lines, and quotes split across formatting runs', async () => {
    const bytes = await makeDocx([
      { title: 'Genoa dockworkers end strike after 12 days' },
      { runs: ['By Ines Moreau'] },
      { runs: ['Published 14 March 2027'] },
      ...STORY.map((p) => {
        const at = p.indexOf('Marco Ferri')
        return at < 0
          ? { runs: [p] }
          : { runs: [p.slice(0, at), { bold: 'Marco Ferri' }, p.slice(at + 'Marco Ferri'.length)] }
      }),
    ])
    const result = await importSource({ type: 'file', filename: 'strike.docx', bytes })
    expect(result.title).toBe('Genoa dockworkers end strike after 12 days')
    expect(result.byline).toBe('Ines Moreau')
    expect(result.publishedAt).toBe('2027-03-14')
    expect(result.paragraphs).toEqual(STORY)
    expectStoryQuotes(result)
  })

  it('refuses a .docx that is not a Word file', async () => {
    const bytes = new TextEncoder().encode('just some text in a file named like a Word document')
    await expect(importSource({ type: 'file', filename: 'notes.docx', bytes })).rejects.toThrow(
      /notes\.docx is not a valid \.docx file/,
    )
  })
})

const PAGE = `<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Ferry operator fined over safety lapses - Fjord Post</title>
<link rel="canonical" href="/news/2027/ferry-fine">
<script type="application/ld+json">
{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Fjord Post"},
 {"@type":"NewsArticle","headline":"Ferry operator fined over safety lapses",
  "datePublished":"2027-01-05T23:30:00-05:00",
  "author":[{"@type":"Person","name":"Kari Holm"}],
  "publisher":{"@type":"Organization","name":"Fjord Post Media"}}]}
</script>
<script type="application/ld+json">{ this is broken json </script>
</head><body>
<div id="consent-banner"><p>We use cookies to personalise content.</p><button>OK</button></div>
<nav class="menu"><a href="/">Front page</a><a href="/sport">Sport</a></nav>
<article>
<h1>Ferry operator fined over safety lapses</h1>
<p>BERGEN — A regional ferry operator was fined 4 million kroner on Tuesday after inspectors found that lifeboat drills had not been held for more than a year on three of its vessels.</p>
<p>"Passengers trusted that the basics were being done. They were not," said Ingrid Lie, director of the Norwegian Maritime Authority.</p>
<div class="newsletter-signup"><p>Sign up for our morning newsletter</p></div>
<p>Read more: Ferry timetables cut for winter</p>
<p>The operator, Vestfjord Ferjer, said it accepted the fine and had "already fixed every problem the inspectors raised."</p>
<p>Inspectors first visited the vessels in June, according to the authority's report, and returned twice before issuing the fine. The company has 30 days to pay.</p>
<p>For the latest news from the west coast, follow Fjord Post on social media.</p>
</article>
<section class="comments-section"><h2>Comments</h2><p>Log in to comment on this story.</p></section>
<footer><p>© 2027 Fjord Post Media AS</p></footer>
</body></html>`

describe('HTML import', () => {
  it('takes metadata from JSON-LD and resolves a relative canonical URL', async () => {
    const result = await importSource({
      type: 'file',
      filename: 'ferry.html',
      bytes: new TextEncoder().encode(PAGE),
    })
    expect(result.title).toBe('Ferry operator fined over safety lapses')
    expect(result.byline).toBe('Kari Holm')
    expect(result.publisher).toBe('Fjord Post Media')
    // The publisher's own calendar date, not the UTC one (which would be the 6th).
    expect(result.publishedAt).toBe('2027-01-05')
    // A file has no address of its own, so a relative canonical link cannot be resolved.
    expect(result.url).toBeNull()
    expect(result.kind).toBe('article')
  })

  it('keeps page furniture inside the article out of the body', async () => {
    const result = await importSource({
      type: 'file',
      filename: 'ferry.html',
      bytes: new TextEncoder().encode(PAGE),
    })
    const text = body(result)
    for (const furniture of [
      'We use cookies',
      'Front page',
      'Sign up for our morning newsletter',
      'Read more',
      'For the latest news',
      'Log in to comment',
      '© 2027',
    ]) {
      expect(text).not.toContain(furniture)
    }
    expect(result.paragraphs[0]).toMatch(/^BERGEN — /)
    expect(result.paragraphs).toHaveLength(4)
    expect(speakerOf(result, 'Passengers trusted')).toBe('Ingrid Lie')
    expect(result.quotes.find((q) => q.text.includes('Passengers trusted'))?.speakerRole).toBe(
      'director of the Norwegian Maritime Authority',
    )
    expect(speakerOf(result, 'already fixed every problem')).toBe('Vestfjord Ferjer')
  })

  it('falls back to the page text when there is no article to find', async () => {
    const html =
      '<html><head><title>Notice</title></head><body><p>"The bridge is closed until Friday," said Sven Aas, the site manager.</p></body></html>'
    const result = await importSource({
      type: 'file',
      filename: 'notice.htm',
      bytes: new TextEncoder().encode(html),
    })
    expect(result.paragraphs).toEqual([
      '"The bridge is closed until Friday," said Sven Aas, the site manager.',
    ])
    expect(result.quotes[0]).toMatchObject({ speaker: 'Sven Aas', speakerRole: 'site manager' })
  })
})

describe('plain text import', () => {
  it('treats one paragraph per line when pasted text has no blank lines', async () => {
    const text = [
      'Ferry operator fined over safety lapses',
      'BERGEN — A regional ferry operator was fined 4 million kroner on Tuesday after inspectors found problems.',
      '"Passengers trusted that the basics were being done," said Ingrid Lie, director of the authority.',
      'The company has 30 days to pay.',
    ].join('\r\n')
    const result = await importSource({ type: 'text', text })
    expect(result.title).toBe('Ferry operator fined over safety lapses')
    expect(result.paragraphs).toHaveLength(3)
    expect(speakerOf(result, 'Passengers trusted')).toBe('Ingrid Lie')
  })

  it('unwraps hard-wrapped paragraphs', async () => {
    const text = [
      'BERGEN — A regional ferry operator was fined 4 million kroner on Tuesday',
      'after inspectors found that lifeboat drills had not been held for more',
      'than a year on three of its vessels.',
      '',
      '"Passengers trusted that the basics were being done," said Ingrid',
      'Lie, director of the Norwegian Maritime Authority.',
    ].join('\n')
    const result = await importSource({ type: 'text', text })
    expect(result.paragraphs).toHaveLength(2)
    expect(result.paragraphs[1]).toBe(
      '"Passengers trusted that the basics were being done," said Ingrid Lie, director of the Norwegian Maritime Authority.',
    )
    expect(speakerOf(result, 'Passengers trusted')).toBe('Ingrid Lie')
  })

  it('reads a press release up to its end mark, and honours a kind given by the caller', async () => {
    const text = [
      'FOR IMMEDIATE RELEASE',
      'Statement on the northern quota agreement',
      'Oslo, 14 April 2027',
      '',
      'The ministry welcomes the agreement reached today on northern cod quotas.',
      '',
      '"This is a fair outcome for our fishers," said Minister of Fisheries Kari Dahl.',
      '',
      '###',
      '',
      'Media contact: press@fisheries.example',
    ].join('\n')
    const result = await importSource({ type: 'text', text })
    expect(result.kind).toBe('statement')
    expect(result.title).toBe('Statement on the northern quota agreement')
    expect(result.publishedAt).toBe('2027-04-14')
    expect(body(result)).not.toContain('Media contact')
    expect(result.quotes[0]).toMatchObject({
      speaker: 'Kari Dahl',
      speakerRole: 'Minister of Fisheries',
    })
    const asDocument = await importSource({ type: 'text', text, kind: 'document' })
    expect(asDocument.kind).toBe('document')
  })

  it('decodes legacy windows-1252 files and refuses binary data', async () => {
    const latin = Uint8Array.from(
      [...'Caf', 0xe9, ...' owner ', 0x93, ...'We stay open', 0x94, ...' said Jo Smith.'].map(
        (c) => (typeof c === 'number' ? c : c.charCodeAt(0)),
      ),
    )
    const result = await importSource({ type: 'file', filename: 'cafe.txt', bytes: latin })
    expect(result.paragraphs[0]).toBe('Café owner “We stay open” said Jo Smith.')
    const binary = Uint8Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256)
    await expect(
      importSource({ type: 'file', filename: 'blob.txt', bytes: binary }),
    ).rejects.toThrow(/blob\.txt is binary data/)
  })

  it('refuses empty text and unsupported file types by name', async () => {
    await expect(importSource({ type: 'text', text: '  \n\n ' })).rejects.toThrow(
      /no readable text/,
    )
    await expect(
      importSource({ type: 'file', filename: 'slides.pptx', bytes: new Uint8Array([1, 2, 3]) }),
    ).rejects.toThrow(/\.pptx files are not supported/)
  })
})
