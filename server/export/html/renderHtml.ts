/**
 * HTML export: one standalone, print-friendly file with its stylesheet inlined. Every piece
 * of user text goes through `escapeHtml`, and only http(s) and mailto links (already
 * filtered in the model) become anchors. Notes are collected at the end (HTML has no
 * pages), each source once, with markers linking to them.
 */
import type { Block, ExportModel, Inline, RichText, TableCell, TextRun } from '../model'
import { quoteByline, unverifiedNotice, xmlSafe } from '../text'
import { EXPORT_CSS, pageMarkingCss } from './styles'

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** `text` safe inside HTML text and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) => ESCAPES[c]!)
}

/** Renders `model` as a complete HTML document. */
export function renderHtml(model: ExportModel): string {
  const { meta } = model
  const marking = meta.marking ? escapeHtml(meta.marking) : null
  const body: string[] = []
  if (marking) body.push(`<div class="marking top">${marking}</div>`)
  body.push('<header>')
  body.push(
    `<p class="kicker">Briefing${meta.team ? ` &middot; ${escapeHtml(meta.team)}` : ''}</p>`,
  )
  body.push(`<h1 class="title">${escapeHtml(meta.title)}</h1>`)
  body.push('<dl class="facts">')
  const facts: [string, string][] = [
    ['Authors', meta.authors.length > 0 ? meta.authors.join(', ') : '—'],
    ['Date', meta.dateLabel],
    ['Version', `${meta.version} · last edited ${meta.updatedLabel}`],
    ['Citations', meta.citationStyleLabel],
  ]
  for (const [name, value] of facts) body.push(`<dt>${name}</dt><dd>${escapeHtml(value)}</dd>`)
  body.push('</dl><hr class="title-rule">')
  if (model.unverifiedQuotes > 0) {
    body.push(
      `<p class="notice" role="alert">${escapeHtml(unverifiedNotice(model.unverifiedQuotes))}</p>`,
    )
  }
  body.push('</header>')
  for (const block of model.blocks) body.push(renderBlock(block, model))
  if (model.notes.length > 0) body.push(notesSection(model))
  if (model.appendSourcesList) body.push(sourcesSection(model))
  body.push(
    `<footer class="colophon">Exported ${escapeHtml(meta.dateLabel)} &middot; version ${escapeHtml(meta.version)}</footer>`,
  )
  if (marking) body.push(`<div class="marking bottom">${marking}</div>`)
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="author" content="${escapeHtml(meta.authors.join(', '))}">`,
    `<title>${escapeHtml(meta.title)}</title>`,
    `<style>${EXPORT_CSS}${meta.marking ? pageMarkingCss(meta.marking) : ''}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n')
}

function renderBlock(block: Block, model: ExportModel): string {
  switch (block.type) {
    case 'paragraph':
      return `<p>${inlines(block.content)}</p>`
    case 'heading': {
      // The title is the page's h1, so document headings start at h2.
      const level = Math.min(block.level + 1, 6)
      return `<h${level}>${inlines(block.content)}</h${level}>`
    }
    case 'bulletList':
      return `<ul>${block.items.map((item) => `<li>${blocks(item.blocks, model)}</li>`).join('')}</ul>`
    case 'orderedList':
      return `<ol start="${block.start}">${block.items.map((item) => `<li>${blocks(item.blocks, model)}</li>`).join('')}</ol>`
    case 'blockquote':
      return `<blockquote class="plain">${blocks(block.blocks, model)}</blockquote>`
    case 'codeBlock':
      return `<pre><code>${escapeHtml(block.text)}</code></pre>`
    case 'horizontalRule':
      return '<hr>'
    case 'table':
      return table(block.rows, model)
    case 'quote': {
      const verified = block.status === 'verified'
      const problem = verified
        ? ''
        : `<p class="problem"><span class="badge">UNVERIFIED</span>${escapeHtml(block.problem ?? '')}</p>`
      const note = block.note ? noteMarker(block.note.number) : ''
      return [
        `<figure class="quote ${verified ? 'verified' : 'unverified'}" data-status="${block.status}">`,
        problem,
        `<blockquote>“${escapeHtml(block.text)}”</blockquote>`,
        `<figcaption>— ${escapeHtml(quoteByline(block))}${note}</figcaption>`,
        '</figure>',
      ].join('')
    }
    case 'sourcesList':
      return sourcesSection(model)
  }
}

function table(rows: TableCell[][], model: ExportModel): string {
  const body = rows
    .map((cells) => {
      const row = cells.map((cell) => {
        const tag = cell.header ? 'th' : 'td'
        const spans =
          (cell.colspan > 1 ? ` colspan="${cell.colspan}"` : '') +
          (cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : '')
        return `<${tag}${spans}>${blocks(cell.blocks, model)}</${tag}>`
      })
      return `<tr>${row.join('')}</tr>`
    })
    .join('')
  return `<div class="table"><table><tbody>${body}</tbody></table></div>`
}

function blocks(list: Block[], model: ExportModel): string {
  return list.map((b) => renderBlock(b, model)).join('')
}

function sourcesSection(model: ExportModel): string {
  const entries = model.sources
    .map((s) => `<li value="${s.number}" id="source-${s.number}">${richText(s.text)}</li>`)
    .join('')
  return `<section class="sources"><h2>Sources</h2>${entries ? `<ol>${entries}</ol>` : '<p>This briefing cites no sources.</p>'}</section>`
}

function notesSection(model: ExportModel): string {
  const entries = model.notes
    .map((n) => `<li value="${n.number}" id="note-${n.number}">${richText(n.text)}</li>`)
    .join('')
  return `<section class="notes"><h2>Notes</h2><ol>${entries}</ol></section>`
}

function noteMarker(number: number): string {
  return `<sup class="note-ref"><a href="#note-${number}">${number}</a></sup>`
}

function inlines(items: Inline[]): string {
  return items
    .map((item) => {
      if (item.type === 'noteRef') return noteMarker(item.number)
      if (item.type === 'break') return '<br>'
      return textRun(item)
    })
    .join('')
}

function richText(runs: RichText): string {
  return runs.map(textRun).join('')
}

function textRun(run: TextRun): string {
  let out = escapeHtml(run.text)
  if (run.code) out = `<code>${out}</code>`
  if (run.bold) out = `<strong>${out}</strong>`
  if (run.italic) out = `<em>${out}</em>`
  if (run.underline) out = `<u>${out}</u>`
  if (run.strike) out = `<s>${out}</s>`
  if (run.highlight) out = `<mark>${out}</mark>`
  if (run.link) out = `<a href="${escapeHtml(run.link)}">${out}</a>`
  return out
}
