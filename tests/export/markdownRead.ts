/**
 * Reading a Markdown export back the way a reader's tools would: micromark (the CommonMark
 * reference-grade parser behind remark) with GitHub's extensions, both as HTML, with raw HTML
 * let through so any that slipped into the file shows as an element, and as a syntax tree.
 */
import type { Nodes, Root } from 'mdast'
import { fromMarkdown } from 'mdast-util-from-markdown'
import { gfmFromMarkdown } from 'mdast-util-gfm'
import { micromark } from 'micromark'
import { gfm, gfmHtml } from 'micromark-extension-gfm'

/** `markdown` rendered to HTML as GitHub would, except that raw HTML is kept, not filtered. */
export function markdownToHtml(markdown: string): string {
  return micromark(markdown, {
    allowDangerousHtml: true,
    extensions: [gfm()],
    htmlExtensions: [gfmHtml()],
  })
}

/** `markdown` parsed into mdast with GitHub's extensions. */
export function markdownToTree(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })
}

/** Every raw HTML node in the tree, by its source text. */
export function rawHtml(tree: Nodes): string[] {
  if (tree.type === 'html') return [tree.value]
  return 'children' in tree ? tree.children.flatMap(rawHtml) : []
}

/**
 * The text a reader sees in a node: text and code as written, a hard break as a line ending,
 * footnote references as `[^n]`.
 */
export function visibleText(tree: Nodes): string {
  switch (tree.type) {
    case 'text':
    case 'inlineCode':
      return tree.value
    case 'break':
      return '\n'
    case 'footnoteReference':
      return `[^${tree.identifier}]`
    case 'html':
      return ''
    default:
      return 'children' in tree ? tree.children.map(visibleText).join('') : ''
  }
}
