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

const PHRASING = new Set([
  'a',
  'span',
  'em',
  'strong',
  'b',
  'i',
  'small',
  'sup',
  'sub',
  'abbr',
  'cite',
])

/**
 * Whether furniture sitting inside a sentence is a card of its own (a hover card of links, an
 * inline picture) rather than the words of the sentence it is named after: the wrapper of a
 * linked name ("rollover-people") holds the name the sentence needs and, inside, the card.
 */
function isInlineCard(element: Element): boolean {
  return (
    element.querySelectorAll('a').length >= 2 ||
    element.querySelector('img, picture, figure, ul, ol, div, p') !== null
  )
}

function isFurniture(element: Element, sizes: Map<Element, Lengths>, total: Lengths): boolean {
  if (!element.hasAttribute('class') && !element.hasAttribute('id')) return false
  if (!nameWords(element).some((word) => FURNITURE_WORDS.has(word))) return false
  const size = sizes.get(element)
  if (!size || size.text > total.text * MAX_TEXT_SHARE) return false
  if (size.prose > total.prose * MAX_PROSE_SHARE) return false
  return element.querySelector(ARTICLE_CONTAINER) === null
}

/** Removes the furniture named by class or id inside `root`, in place. */
export function removeNamedFurniture(root: Element): void {
  const sizes = measure(root)
  const total = sizes.get(root) ?? { text: 0, prose: 0 }
  // Innermost first, so a wrapper is judged by what is left in it once its card has gone.
  // `sentence` is the paragraph around an element, while inside one.
  const visit = (element: Element, sentence: Element | null) => {
    for (const child of Array.from(element.children)) {
      const tag = child.tagName.toLowerCase()
      visit(child, sentence ?? (tag === 'p' ? child : null))
      if (!isFurniture(child, sizes, total)) continue
      const within = sentence ?? (PHRASING.has(tag) ? element : null)
      const ownText = sizes.get(child)?.text ?? 0
      const sentenceText = within ? (sizes.get(within)?.text ?? 0) : 0
      // Furniture that is most of its paragraph is the paragraph (a byline, a caption).
      const partOfSentence = within !== null && ownText < sentenceText * 0.8
      if (!partOfSentence || isInlineCard(child)) child.remove()
    }
  }
  visit(root, null)
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
