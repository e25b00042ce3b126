/**
 * Markdown export (CommonMark with GitHub's footnote and strikethrough syntax). Headings move
 * down one level under the title; quotes are `>` blocks with an attribution line; citations
 * are `[^n]` footnotes, one definition per source, listed at the end. The document is built
 * as a syntax tree (markdownTree.ts) and written by mdast-util-to-markdown, which escapes
 * every piece of text for the construct it sits in, so nothing in a briefing turns into
 * Markdown syntax or raw HTML.
 */
import { gfmToMarkdown } from 'mdast-util-gfm'
import { type Options, toMarkdown, type Unsafe } from 'mdast-util-to-markdown'
import { markdownTree } from './markdownTree'
import type { ExportModel } from './model'

/**
 * Characters escaped in text beyond what CommonMark and GFM need: `$` starts maths on GitHub
 * and in many other renderers, `|` a table cell in renderers that allow tables anywhere, and
 * `]` and `\` are escaped so bracketed text and backslashes print as written everywhere.
 */
const EXTRA_UNSAFE: Unsafe[] = [
  { character: '$', inConstruct: 'phrasing' },
  { character: '|', inConstruct: 'phrasing' },
  { character: ']', inConstruct: 'phrasing' },
  { character: '\\', inConstruct: 'phrasing' },
]

const OPTIONS: Options = {
  extensions: [gfmToMarkdown()],
  unsafe: EXTRA_UNSAFE,
  bullet: '-',
  rule: '-',
  emphasis: '*',
  strong: '*',
  fences: true,
  listItemIndent: 'one',
}

/** Renders `model` as a Markdown document. */
export function renderMarkdown(model: ExportModel): string {
  return toMarkdown(markdownTree(model), OPTIONS)
}
