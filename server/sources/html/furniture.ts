/**
 * Page furniture found by the class and id names sites give it (captions, galleries, related
 * stories, newsletter and share boxes, comments, tags, author bios, bylines and timestamps,
 * pop-up cards, ads, the article's own header with its title and standfirst), and blocks that
 * are nothing but links. Never an element that holds much of the page's text, whatever its
 * name: a "paywall" wrapper or a "layout-with-sidebar" column holds the story itself.
 */

/** Words of class and id names that mark furniture, matched as whole words. */
const FURNITURE_WORDS = new Set([
  // captions, credits and galleries
  'caption',
  'captions',
  'credit',
  'credits',
  'gallery',
  'slideshow',
  'carousel',
  'swiper',
  'lightbox',
  'slider',
  // related stories and recommendations
  'related',
  'recommended',
  'recommendations',
  'recirc',
  'teaser',
  'teasers',
  'trending',
  'popular',
  'outbrain',
  'taboola',
  'rail',
  // calls to action
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'signup',
  'promo',
  'promotion',
  'cta',
  'share',
  'sharing',
  'social',
  'sociable',
  'follow',
  // comments
  'comment',
  'comments',
  'disqus',
  'respond',
  'reply',
  // tags, categories, breadcrumbs
  'tags',
  'tag',
  'breadcrumb',
  'breadcrumbs',
  // who and when, and the header holding title and standfirst (the body is what follows it)
  'byline',
  'bio',
  'author',
  'authors',
  'timestamp',
  'dateline',
  'header',
  'standfirst',
  'dek',
  // pop-ups and hover cards
  'popup',
  'popover',
  'tooltip',
  'rollover',
  'modal',
  'hovercard',
  'overlay',
  // tools and ads
  'toolbar',
  'widget',
  'sponsor',
  'sponsored',
  'advert',
  'advertisement',
  'ad',
  'ads',
  'affiliate',
  'disclosure',
])

/** The words of an element's class and id names: "sdc-articleRelated__item" -> sdc, article, related, item. */
function nameWords(element: Element): string[] {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`
  return names
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
}

const ARTICLE_CONTAINER = 'article, main, [itemprop="articleBody"], [role="main"]'

/** Above these shares of the page's text (or of its paragraph text) an element is the story. */
const MAX_TEXT_SHARE = 0.35
const MAX_PROSE_SHARE = 0.5

const textLength = (node: Node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim().length

const TEXT_NODE = 3
const ELEMENT_NODE = 1

/** Text and paragraph-text lengths of an element and of every element inside it. */
interface Lengths {
  text: number
  prose: number
}

/** Measures every element under `root` in one walk (measuring each on its own is quadratic). */
function measure(root: Element): Map<Element, Lengths> {
  const sizes = new Map<Element, Lengths>()
  const walk = (element: Element, inParagraph: boolean): Lengths => {
    const own: Lengths = { text: 0, prose: 0 }
    const paragraph = inParagraph || element.tagName.toLowerCase() === 'p'
    for (const child of Array.from(element.childNodes)) {
      if (child.nodeType === TEXT_NODE) {
        const length = (child.textContent ?? '').trim().length
        own.text += length
        if (paragraph) own.prose += length
      } else if (child.nodeType === ELEMENT_NODE) {
        const inner = walk(child as Element, paragraph)
        own.text += inner.text
        own.prose += inner.prose
      }
    }
    sizes.set(element, own)
    return own
  }
  walk(root, false)
  return sizes
}

/** Removes the furniture named by class or id inside `root`, in place. */
export function removeNamedFurniture(root: Element): void {
  const sizes = measure(root)
  const total = sizes.get(root) ?? { text: 0, prose: 0 }
  const visit = (element: Element) => {
    for (const child of Array.from(element.children)) {
      const size = sizes.get(child)
      const named = child.hasAttribute('class') || child.hasAttribute('id')
      if (
        size &&
        named &&
        nameWords(child).some((word) => FURNITURE_WORDS.has(word)) &&
        size.text <= total.text * MAX_TEXT_SHARE &&
        size.prose <= total.prose * MAX_PROSE_SHARE &&
        !child.querySelector(ARTICLE_CONTAINER)
      ) {
        child.remove()
      } else {
        visit(child)
      }
    }
  }
  visit(root)
}

const LINKABLE_BLOCKS = 'p, li, h2, h3, h4, h5, h6, dd, dt, div'
const BLOCK_CHILD = 'p, div, ul, ol, li, table, h2, h3, h4, h5, h6, blockquote, section'
/** Share of a block's text inside links from which the block is a link, not a paragraph. */
const LINK_DENSITY = 0.8

/**
 * Removes blocks that are (nearly) all link text: teasers of other stories, "related" lists and
 * "read more" lines a page sets among its paragraphs. A paragraph of the story has words of its
 * own around its links.
 */
export function removeLinkBlocks(root: Element): void {
  for (const block of Array.from(root.querySelectorAll(LINKABLE_BLOCKS))) {
    if (!root.contains(block)) continue
    if (block.tagName.toLowerCase() === 'div' && block.querySelector(BLOCK_CHILD)) continue
    const length = textLength(block)
    if (length === 0) continue
    let linked = 0
    for (const link of Array.from(block.querySelectorAll('a'))) linked += textLength(link)
    if (linked / length >= LINK_DENSITY) block.remove()
  }
}
