/**
 * Tables: the table, row, header cell and cell nodes, with the names, content and
 * `tableRole`s prosemirror-tables (and so @tiptap/extension-table's commands) expect.
 *
 * Declared here rather than taken from @tiptap/extension-table, whose `Table` node imports
 * prosemirror-tables' editing plugins (too heavy for the editor's first load, where the
 * schema must be) and renders an inline `style` the page's CSP refuses. The client loads the
 * editing behaviour when a table is first inserted or opened (client/src/editor/table/).
 *
 * A cell holds paragraphs only: every export can set a paragraph in a cell, while a quote
 * block, list or table inside a Markdown cell has no form at all.
 */
import { mergeAttributes, Node } from '@tiptap/core'

export const TABLE = 'table'
export const TABLE_ROW = 'tableRow'
export const TABLE_CELL = 'tableCell'
export const TABLE_HEADER = 'tableHeader'

/** Most columns or rows one cell may span; more is a hostile document, not a table. */
export const MAX_SPAN = 100

function validateSpan(value: unknown): void {
  if (!Number.isInteger(value) || (value as number) < 1 || (value as number) > MAX_SPAN) {
    throw new RangeError(`a cell span must be a whole number from 1 to ${MAX_SPAN}`)
  }
}

function spanAttribute(name: 'colspan' | 'rowspan') {
  return {
    default: 1,
    validate: validateSpan,
    parseHTML: (element: HTMLElement) => {
      const value = Number(element.getAttribute(name) ?? 1)
      return Number.isInteger(value) && value >= 1 && value <= MAX_SPAN ? value : 1
    },
    renderHTML: (attrs: Record<string, unknown>) =>
      attrs[name] === 1 ? {} : { [name]: String(attrs[name]) },
  }
}

/** Each node's role for prosemirror-tables, which reads it from the node spec's `tableRole`. */
const TABLE_ROLES: Record<string, string> = {
  [TABLE]: 'table',
  [TABLE_ROW]: 'row',
  [TABLE_CELL]: 'cell',
  [TABLE_HEADER]: 'header_cell',
}

function cellNode(name: string, tag: 'td' | 'th') {
  return Node.create({
    name,
    content: 'paragraph+',
    isolating: true,

    addAttributes() {
      return { colspan: spanAttribute('colspan'), rowspan: spanAttribute('rowspan') }
    },

    parseHTML() {
      return [{ tag }]
    },

    renderHTML({ HTMLAttributes }) {
      return [tag, mergeAttributes(HTMLAttributes), 0]
    },
  })
}

export const TableCell = cellNode(TABLE_CELL, 'td')
export const TableHeader = cellNode(TABLE_HEADER, 'th')

export const TableRow = Node.create({
  name: TABLE_ROW,
  content: `(${TABLE_CELL} | ${TABLE_HEADER})*`,

  parseHTML() {
    return [{ tag: 'tr' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['tr', mergeAttributes(HTMLAttributes), 0]
  },
})

export const Table = Node.create({
  name: TABLE,
  group: 'block',
  content: `${TABLE_ROW}+`,
  isolating: true,

  // Tiptap calls this hook for every node of the schema; the four table nodes get their role.
  extendNodeSchema(extension) {
    const tableRole = TABLE_ROLES[extension.name]
    return tableRole ? { tableRole } : {}
  },

  parseHTML() {
    return [{ tag: 'table' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['table', mergeAttributes(HTMLAttributes), ['tbody', 0]]
  },
})
