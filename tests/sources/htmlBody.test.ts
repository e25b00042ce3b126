/**
 * The article body of a web page: the furniture pages set among and around their paragraphs
 * (captions, related-story lists, link-only teasers, newsletter boxes, hover cards, bylines and
 * timestamps, a page's own address) stays out, and the story's paragraphs stay in, even when
 * a wrapper's class name sounds like furniture. Pages written for the test.
 */

import { describe, expect, it } from 'vitest'
import { importHtml } from '../../server/sources/html/htmlImporter'

const STORY = [
  'Dockworkers in Genoa voted on Sunday to end a 12-day strike that had left more than 40 container ships waiting at anchor outside the port.',
  'The port operator said in a statement that the agreement would cost it about 9 million euros a year but that the strike had cost far more.',
  'Port authority president Giulia Rossi said the backlog would take at least two weeks to clear, with perishable goods going first.',
  'Shipping analysts had warned that the strike was pushing freight rates up across the western Mediterranean as carriers diverted cargo.',
  'The union said it would hold a meeting next month to review how the new shifts were working, and the operators did not comment.',
]

function page(article: string): string {
  return `<!doctype html><html><head><title>Genoa strike ends</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <main><article><h1>Genoa strike ends</h1>${article}</article></main>
    <footer>© 2026 Harbor Ledger</footer></body></html>`
}

const paragraphs = (items: readonly string[]) => items.map((p) => `<p>${p}</p>`).join('\n')

function bodyOf(html: string): string {
  return importHtml(html).paragraphs.join('\n\n')
}

function expectWholeStory(body: string): void {
  for (const paragraph of STORY) expect(body).toContain(paragraph)
}

describe('HTML body extraction', () => {
  it('drops a related-stories list set between the paragraphs', () => {
    const body = bodyOf(
      page(`${paragraphs(STORY.slice(0, 2))}
        <div class="article-related-stories"><h3>Related</h3><ul>
          <li><a href="/a">Ferry operators brace for a winter of delays</a></li>
          <li><a href="/b">Why freight rates keep climbing in the Mediterranean</a></li>
        </ul></div>
        ${paragraphs(STORY.slice(2))}`),
    )
    expectWholeStory(body)
    expect(body).not.toContain('Ferry operators brace')
    expect(body).not.toContain('freight rates keep climbing')
  })

  it('drops paragraphs that are nothing but a link to another story', () => {
    const body = bodyOf(
      page(`${paragraphs(STORY.slice(0, 3))}
        <p><a href="/c"><strong>PORT STRIKES SPREAD TO THE NORTH SEA AS UNIONS WALK OUT</strong></a></p>
        ${paragraphs(STORY.slice(3))}`),
    )
    expectWholeStory(body)
    expect(body).not.toContain('PORT STRIKES SPREAD')
  })

  it('keeps a paragraph with a link inside its own sentence', () => {
    const linked = `The agreement follows <a href="/d">a ruling by the labour court</a> that the old shift system broke the national contract for port workers.`
    const body = bodyOf(page(`${paragraphs(STORY)}<p>${linked}</p>`))
    expect(body).toContain('a ruling by the labour court that the old shift system')
  })

  it('drops photo captions and credits, whether marked as captions or written as credits', () => {
    const body = bodyOf(
      page(`${paragraphs(STORY.slice(0, 2))}
        <div class="inline-image"><img src="ship.jpg" alt=""><div class="image-caption">Container ships wait at anchor outside Genoa.</div></div>
        <p>Container ships wait outside the harbour on Saturday. (AP Photo/Marco Bianchi)</p>
        ${paragraphs(STORY.slice(2))}`),
    )
    expectWholeStory(body)
    expect(body).not.toContain('Container ships wait')
  })

  it('drops newsletter boxes, share bars and the hover cards of linked names', () => {
    const body = bodyOf(
      page(`<p>Port authority president <span class="person-rollover"><a href="/p/rossi">Giulia Rossi</a><span class="rollover-card"><a href="/s/1">Latest stories about ports and shipping</a> <a href="/s/2">Rossi defends the port budget</a></span></span> spoke on Sunday after the vote in the harbour hall.</p>
        ${paragraphs(STORY)}
        <div class="newsletter-signup"><p>Get the morning briefing in your inbox every weekday.</p></div>
        <div class="social-share"><a href="#">Facebook</a> <a href="#">Twitter</a></div>`),
    )
    expectWholeStory(body)
    expect(body).toContain('Port authority president Giulia Rossi spoke on Sunday')
    expect(body).not.toContain('Latest stories about ports')
    expect(body).not.toContain('morning briefing')
    expect(body).not.toContain('Facebook')
  })

  it('keeps the story when its wrapper is named like furniture (a paywall with tooltips)', () => {
    // A site index longer than the story, as on real pages: the wrapper holds well under half
    // of the page's text, but all of its paragraphs.
    const index = Array.from({ length: 60 }, (_, i) => `<li>Section ${i} of the site index</li>`)
    const body = bodyOf(
      page(
        `<div class="paywall tooltip-enabled">${paragraphs(STORY)}</div><ul>${index.join('')}</ul>`,
      ),
    )
    expectWholeStory(body)
  })

  it('drops timestamps, print-edition notes and the page address printed as text', () => {
    const body = bodyOf(
      page(`<p>Updated 11:21 pm CST, Tuesday, November 19, 2026</p>
        <p>https://www.example-ledger.com/news/article/Genoa-strike-ends-14848175.php</p>
        ${paragraphs(STORY)}
        <p>A version of this article appears in print on Nov. 20, 2026, Section B, Page 3.</p>`),
    )
    expectWholeStory(body)
    expect(body).not.toContain('Updated 11:21')
    expect(body).not.toContain('example-ledger.com')
    expect(body).not.toContain('appears in print')
  })
})
