/**
 * Metadata of web pages written for the test: which of the places a page states its title,
 * publisher, byline and publication date wins when they disagree, and what is never taken for
 * them (an "ADVERTISEMENT" label or a section label as title, an address or a tagline as
 * publisher, the site or its copyright holder as byline, a modification date as publication).
 */

import { describe, expect, it } from 'vitest'
import { importHtml } from '../../server/sources/html/htmlImporter'

const STORY = [
  'Dockworkers in Genoa voted on Sunday to end a 12-day strike that had left more than 40 container ships waiting at anchor outside the port.',
  'The port operator said in a statement that the agreement would cost it about 9 million euros a year but that the strike had cost far more.',
  'Port authority president Giulia Rossi said the backlog would take at least two weeks to clear, with perishable goods going first.',
]

function page(head: string, beforeStory = '', afterStory = ''): string {
  return `<!doctype html><html><head>${head}</head><body>
    <main><article>${beforeStory}${STORY.map((p) => `<p>${p}</p>`).join('')}${afterStory}</article></main>
    </body></html>`
}

const jsonLd = (value: unknown, cdata = false) =>
  `<script type="application/ld+json">${cdata ? '<![CDATA[' : ''}${JSON.stringify(value)}${cdata ? ']]>' : ''}</script>`

describe('HTML metadata', () => {
  it('reads a NewsArticle from JSON-LD, also when wrapped in CDATA', () => {
    const result = importHtml(
      page(
        jsonLd(
          {
            '@context': 'https://schema.org',
            '@type': 'NewsArticle',
            headline: 'Genoa dockworkers end strike',
            datePublished: '2026-03-08T09:15:00+01:00',
            dateModified: '2026-03-09T18:00:00+01:00',
            author: [{ '@type': 'Person', name: 'Ines Moreau' }],
            publisher: { '@type': 'Organization', name: 'Harbor Ledger' },
          },
          true,
        ),
      ),
    )
    expect(result.title).toBe('Genoa dockworkers end strike')
    expect(result.byline).toBe('Ines Moreau')
    expect(result.publisher).toBe('Harbor Ledger')
    expect(result.publishedAt).toBe('2026-03-08')
  })

  it('never takes an ADVERTISEMENT label or a section heading for the title', () => {
    const ad = importHtml(
      page(
        '<title>Harbor Ledger</title><meta property="og:site_name" content="Harbor Ledger">',
        '<h1>ADVERTISEMENT</h1><h1>Genoa dockworkers end strike</h1>',
      ),
    )
    expect(ad.title).toBe('Genoa dockworkers end strike')
    const suffixed = importHtml(
      page('<title>Genoa dockworkers end strike | Harbor Ledger</title>', '<h1>ADVERTISEMENT</h1>'),
    )
    expect(suffixed.title).toBe('Genoa dockworkers end strike')
    expect(suffixed.publisher).toBe('Harbor Ledger')
    const section = importHtml(
      page(
        `<title>Letters: Port hours | Ferry fares</title>
         <meta property="og:title" content="Letters: Port hours | Ferry fares | Harbour noise">
         ${jsonLd({ '@type': 'NewsArticle', headline: 'Letters: Port hours | Ferry fares | Harbour noise' })}`,
        '<h1>Letters to the Editor</h1>',
      ),
    )
    expect(section.title).toBe('Letters: Port hours | Ferry fares | Harbour noise')
  })

  it('strips the site name, the author and a date from the title when it knows them', () => {
    const result = importHtml(
      page(`<title>Genoa dockworkers end strike | Ines Moreau | Harbor Ledger | 08.03.2026</title>
        <meta property="og:site_name" content="Harbor Ledger">
        <meta name="author" content="Ines Moreau">`),
    )
    expect(result.title).toBe('Genoa dockworkers end strike')
  })

  it('goes with the title most sources agree on when one drops a word', () => {
    const result = importHtml(
      page(
        `<title>The seven ships still waiting outside Genoa - Harbor Ledger</title>
         <meta property="og:title" content="Seven ships still waiting outside Genoa">
         <meta name="twitter:title" content="The seven ships still waiting outside Genoa">
         <meta property="og:site_name" content="Harbor Ledger">`,
        '<h1>The seven ships still waiting outside Genoa</h1>',
      ),
    )
    expect(result.title).toBe('The seven ships still waiting outside Genoa')
  })

  it('prefers a real name to an address or a tagline for the publisher', () => {
    const address = importHtml(
      page(`<title>Genoa dockworkers end strike</title>
        <meta property="og:site_name" content="HARBORLEDGER.COM">
        <meta name="publisher" content="Harbor Ledger (www.harborledger.com)">`),
    )
    expect(address.publisher).toBe('Harbor Ledger')
    const tagline = importHtml(
      page(`<title>Genoa dockworkers end strike | Harbor Ledger</title>
        <meta property="og:site_name" content="News and in-depth reporting from the ports of Europe and beyond">`),
    )
    expect(tagline.publisher).toBe('Harbor Ledger')
    const spelled = importHtml(
      page(`<title>Genoa dockworkers end strike | Harbor Ledger</title>
        <meta property="og:site_name" content="HarborLedger">`),
    )
    expect(spelled.publisher).toBe('Harbor Ledger')
  })

  it('takes the publisher from the copyright line, without its legal form, when nothing else names it', () => {
    const result = importHtml(
      page(
        '<title>Genoa dockworkers end strike</title>',
        '',
        '<p>Copyright © 2026 Harbor Ledger Media Group, Inc. All rights reserved.</p>',
      ),
    )
    expect(result.publisher).toBe('Harbor Ledger')
  })

  it('does not take the site or its copyright holder for the byline', () => {
    const result = importHtml(
      page(`<title>Genoa dockworkers end strike</title>
        <meta name="author" content="Harbor Ledger (www.harborledger.com)">
        <meta name="copyright" content="© 2026 Harbor Ledger (www.harborledger.com)">
        ${jsonLd({ '@type': 'NewsArticle', headline: 'Genoa dockworkers end strike', author: { '@type': 'Organization', name: 'Harbor Ledger' } })}`),
    )
    expect(result.byline).toBeNull()
    expect(result.publisher).toBe('Harbor Ledger')
  })

  it('never takes a modification date for the publication date', () => {
    const result = importHtml(
      page(
        `<title>Genoa dockworkers end strike</title>
         <meta property="article:modified_time" content="2026-03-10T08:00:00Z">
         <meta property="og:updated_time" content="2026-03-10T08:00:00Z">`,
        '<p class="meta"><time class="updated" datetime="2026-03-10T08:00:00Z">Updated March 10, 2026</time> <time pubdate datetime="2026-03-08T09:15:00+01:00">March 8, 2026</time></p>',
      ),
    )
    expect(result.publishedAt).toBe('2026-03-08')
  })

  it('takes a placeholder date for no date and reads the next source', () => {
    const result = importHtml(
      page(`<title>Genoa dockworkers end strike</title>
        ${jsonLd({ '@type': 'NewsArticle', headline: 'Genoa dockworkers end strike', datePublished: '0001-01-01T00:00:00Z' })}
        <meta property="article:published_time" content="2026-03-08T09:15:00+01:00">`),
    )
    expect(result.publishedAt).toBe('2026-03-08')
  })

  it('reads a UTC timestamp as the local day the address files the story under', () => {
    const result = importHtml(
      page(`<title>Genoa dockworkers end strike</title>
        <link rel="canonical" href="https://www.harborledger.com/2026/01/16/genoa-strike/">
        <meta property="article:published_time" content="2026-01-17T00:30:41+00:00">
        ${jsonLd({ '@type': 'NewsArticle', headline: 'Genoa dockworkers end strike', datePublished: '2026-01-17T00:30:41Z' })}`),
    )
    expect(result.publishedAt).toBe('2026-01-16')
  })
})
