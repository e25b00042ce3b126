/**
 * Page chrome removed before readability runs: navigation, site header and footer, asides,
 * cookie and consent banners, newsletter and subscription boxes, related links, comments,
 * share bars, ads. Readability drops most of it on its own; removing it first also keeps it
 * out of the fallback used when readability finds no article.
 */

const CHROME_SELECTOR = [
  'script:not([type="application/ld+json"])',
  'style',
  'noscript',
  'template',
  'iframe',
  'nav',
  'footer',
  'aside',
  'dialog',
  'button',
  'form[role="search"]',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[role="dialog"]',
  '[aria-hidden="true"]',
  '[hidden]',
].join(',')

/** class/id words of page furniture. Whole words only: "comments" but not "commentary". */
const CHROME_NAME =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|newsletter|subscribe|subscription|paywall|related|recommended|recommendations|promo|advert|advertisement|ads?|sponsored|share|sharing|social|comments?|breadcrumbs?|sidebar|masthead|site-header|site-footer|menu|popup|modal|outbrain|taboola|most-read|trending|author-bio|bio|about-the-author)(?:$|[\s_-])/i

const ARTICLE_SELECTOR = 'article, main, [itemprop="articleBody"], [role="main"]'

/** Removes page chrome from `document` in place. */
export function removeChrome(document: Document): void {
  for (const element of Array.from(document.querySelectorAll(CHROME_SELECTOR))) element.remove()
  const pageLength = document.body?.textContent?.length ?? 0
  for (const element of Array.from(document.querySelectorAll('[class], [id]'))) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
    if (!CHROME_NAME.test(names) || !element.isConnected) continue
    // A wrapper named after its sidebar ("page-with-sidebar") may hold the story itself.
    const holdsArticle =
      element.querySelector(ARTICLE_SELECTOR) !== null ||
      (element.textContent?.length ?? 0) > pageLength * 0.5
    if (!holdsArticle) element.remove()
  }
  // The site header sits outside the article; an article's own header holds its title.
  for (const header of Array.from(document.querySelectorAll('header'))) {
    if (!header.closest('article') && !header.querySelector('h1')) header.remove()
  }
}
