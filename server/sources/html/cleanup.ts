/**
 * Page chrome removed before readability runs: scripts and styles, navigation, site header
 * and footer, asides, dialogs, forms and hidden elements, by tag and ARIA role. Furniture
 * named by class (captions, related links, share bars...) is `furniture.ts`'s job.
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

/** Removes page chrome from `document` in place. */
export function removeChrome(document: Document): void {
  for (const element of Array.from(document.querySelectorAll(CHROME_SELECTOR))) element.remove()
  // The site header sits outside the article; an article's own header holds its title.
  for (const header of Array.from(document.querySelectorAll('header'))) {
    if (!header.closest('article') && !header.querySelector('h1')) header.remove()
  }
}
