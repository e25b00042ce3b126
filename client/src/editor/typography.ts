/**
 * Typographic quotes, apostrophes and dashes as the person types: "x" becomes “x”, it's
 * becomes it’s, `--` an en dash and a third `-` an em dash (SmartyPants' convention).
 *
 * Not @tiptap/extension-typography: it also turns arrows, fractions, `1x2` and `(c)` into
 * symbols, which an analyst's figures and identifiers must not become, and it cannot be told
 * to stay out of quotations. Nothing here changes the schema; it is editor behaviour only.
 *
 * Each replacement is an input rule, so Backspace right after it gives back the straight
 * character (Tiptap's `undoInputRule`), and Ctrl+Z undoes it with the words around it.
 */
import { Extension, InputRule, textInputRule } from '@tiptap/core'

/** Characters after which a quote mark opens rather than closes. */
const OPENERS = '\\s{[(<\'"\\u2018\\u201C\\u2013\\u2014'

/**
 * Nodes whose words are someone else's, to be kept as written: a plain blockquote (which
 * "Link to a source" turns into a quote block) and the quote block itself, whose words are
 * an attribute and never typed here, listed so a future inline form stays covered.
 */
const VERBATIM = new Set(['blockquote', 'sourceQuote'])

const RULES: readonly { find: RegExp; replace: string }[] = [
  { find: new RegExp(`(?:^|[${OPENERS}])(")$`), replace: '\u201C' },
  { find: /"$/, replace: '\u201D' },
  { find: new RegExp(`(?:^|[${OPENERS}])(')$`), replace: '\u2018' },
  // A closing single quote is also the apostrophe: it's, the 1990’s, rock ’n’ roll.
  { find: /'$/, replace: '\u2019' },
  { find: /\u2013-$/, replace: '\u2014' },
  { find: /--$/, replace: '\u2013' },
]

/** Whether the position's ancestors include a node whose words must stay as written. */
function inVerbatim({ state, range }: Parameters<InputRule['handler']>[0]): boolean {
  const $from = state.doc.resolve(range.from)
  for (let depth = $from.depth; depth > 0; depth--) {
    if (VERBATIM.has($from.node(depth).type.name)) return true
  }
  return false
}

export const Typography = Extension.create({
  name: 'typography',

  addInputRules() {
    return RULES.map((rule) => {
      const plain = textInputRule(rule)
      return new InputRule({
        find: rule.find,
        handler: (props) => (inVerbatim(props) ? null : plain.handler(props)),
      })
    })
  },
})
