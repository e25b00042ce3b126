/**
 * Markdown export (CommonMark with GitHub's footnote syntax). Headings move down one level
 * under the title; quotes are `>` blocks with an attribution line; citations are `[^n]`
 * footnotes, one definition per source, listed at the end (Markdown has no pages, so
 * footnotes and endnotes come out the same). All user text is escaped, so nothing in a
 * briefing turns into Markdown syntax.
 */
import type { Block, ExportModel, Inline, RichText, TextRun } from './model'
import { quoteByline, unverifiedNotice } from './text'

/** Renders `model` as a Markdown document. */
export function renderMarkdown(model: ExportModel): string {
  const { meta } = model
  const parts: string[] = []
  if (meta.marking) parts.push(`**${escapeText(meta.marking)}**`)
  parts.push(`# ${escapeText(meta.title)}`)
  const facts = [
    meta.team ? `**Team:** ${escapeText(meta.team)}` : null,
    `**Authors:** ${meta.authors.length > 0 ? escapeText(meta.authors.join(', ')) : '—'}`,
    `**Date:** ${escapeText(meta.dateLabel)}`,
    `**Version:** ${escapeText(meta.version)} (last edited ${escapeText(meta.updatedLabel)})`,
    `**Citations:** ${escapeText(meta.citationStyleLabel)}`,
  ].filter((line): line is string => line !== null)
  // Two trailing spaces are a Markdown line break, keeping the facts on separate lines.
  parts.push(facts.join('  \n'))
  if (model.unverifiedQuotes > 0)
    parts.push(`> **Warning:** ${unverifiedNotice(model.unverifiedQuotes)}`)
  parts.push('---')
  for (const block of model.blocks) parts.push(renderBlock(block, model))
  if (model.appendSourcesList) parts.push(sourcesList(model))
  if (model.notes.length > 0) {
    parts.push(model.notes.map((note) => `[^${note.number}]: ${richText(note.text)}`).join('\n'))
  }
  if (meta.marking) parts.push(`**${escapeText(meta.marking)}**`)
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`
}

function renderBlock(block: Block, model: ExportModel): string {
  switch (block.type) {
    case 'paragraph':
      return inlines(block.content)
    case 'heading':
      return `${'#'.repeat(Math.min(block.level + 1, 6))} ${inlines(block.content)}`
    case 'bulletList':
      return block.items.map((item) => listItem('- ', item.blocks, model)).join('\n')
    case 'orderedList':
      return block.items
        .map((item, i) => listItem(`${block.start + i}. `, item.blocks, model))
        .join('\n')
    case 'blockquote':
      return prefixLines(block.blocks.map((b) => renderBlock(b, model)).join('\n\n'), '> ')
    case 'codeBlock': {
      const fence = '`'.repeat(Math.max(3, longestRun(block.text, '`') + 1))
      const language = block.language?.replace(/[^\w+#-]/g, '') ?? ''
      return `${fence}${language}\n${block.text}\n${fence}`
    }
    case 'horizontalRule':
      return '---'
    case 'quote': {
      const lines: string[] = []
      if (block.status !== 'verified')
        lines.push(`**UNVERIFIED:** ${escapeText(block.problem ?? '')}`)
      lines.push(`“${escapeText(block.text)}”`)
      const note = block.note ? `[^${block.note.number}]` : ''
      lines.push(`— ${escapeText(quoteByline(block))}${note}`)
      return prefixLines(lines.join('\n\n'), '> ')
    }
    case 'sourcesList':
      return sourcesList(model)
  }
}

function sourcesList(model: ExportModel): string {
  const entries = model.sources.map((source) => `${source.number}. ${richText(source.text)}`)
  return [
    '## Sources',
    entries.length > 0 ? entries.join('\n') : 'This briefing cites no sources.',
  ].join('\n\n')
}

function listItem(marker: string, blocks: Block[], model: ExportModel): string {
  // A nested list follows its paragraph directly, so the outer list stays tight.
  const body =
    blocks
      .map((b, i) => (i === 0 ? '' : isList(b) ? '\n' : '\n\n') + renderBlock(b, model))
      .join('') || escapeText(' ')
  const indent = ' '.repeat(marker.length)
  const [first = '', ...rest] = body.split('\n')
  return [marker + first, ...rest.map((line) => (line === '' ? '' : indent + line))].join('\n')
}

function isList(block: Block): boolean {
  return block.type === 'bulletList' || block.type === 'orderedList'
}

function prefixLines(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? prefix.trimEnd() : prefix + line))
    .join('\n')
}

function inlines(items: Inline[]): string {
  return items
    .map((item) => {
      if (item.type === 'noteRef') return `[^${item.number}]`
      if (item.type === 'break') return '\\\n'
      return textRun(item)
    })
    .join('')
}

function richText(runs: RichText): string {
  return runs.map(textRun).join('')
}

function textRun(run: TextRun): string {
  let out: string
  if (run.code) {
    const ticks = '`'.repeat(longestRun(run.text, '`') + 1)
    const pad = run.text.startsWith('`') || run.text.endsWith('`') ? ' ' : ''
    out = `${ticks}${pad}${run.text}${pad}${ticks}`
  } else out = escapeText(run.text)
  if (out.trim() === '') return out
  // Emphasis markers must touch the text, so surrounding spaces stay outside them.
  const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(out) ?? []
  let styled = core
  if (run.bold) styled = `**${styled}**`
  if (run.italic) styled = `*${styled}*`
  if (run.strike) styled = `~~${styled}~~`
  if (run.underline) styled = `<u>${styled}</u>`
  if (run.link) styled = `[${styled}](<${run.link.replace(/[<>\s]/g, encodeURIComponent)}>)`
  return lead + styled + trail
}

/**
 * Backslash-escapes every character that could start Markdown syntax: inline markers
 * anywhere, and block markers (lists, headings, quotes) at the start of a line.
 */
export function escapeText(text: string): string {
  return (
    text
      .replace(/[\\`*_[\]<|~$&]/g, '\\$&')
      .replace(/^(\s*)([-+#>=])/gm, '$1\\$2')
      .replace(/^(\s*)(\d+)([.)])/gm, '$1$2\\$3')
      // A heading's trailing #s would be read as its closing sequence and dropped.
      .replace(/#(?=\s*$)/gm, '\\#')
  )
}

function longestRun(text: string, char: string): number {
  let longest = 0
  let current = 0
  for (const c of text) {
    current = c === char ? current + 1 : 0
    longest = Math.max(longest, current)
  }
  return longest
}
