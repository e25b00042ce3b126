/**
 * The shape of an HTML document, measured before anything builds a DOM of it: how deep its
 * elements nest and how many there are. htmlparser2 is the tokenizer linkedom builds its DOM
 * with, so it closes implied tags (`<p>` before `<div>`, `<li>` before `<li>`) exactly as
 * the DOM will, and one linear pass with no tree sees the depth the DOM would have.
 */

import { Parser } from 'htmlparser2'
import { SourceImportError } from './errors'
import type { ImportLimits } from './limits'

/** Refuses `html` (named `what` in the message) if it nests or counts past the limits. */
export function checkHtmlShape(
  html: string,
  what: string,
  limits: Pick<ImportLimits, 'maxHtmlDepth' | 'maxHtmlElements'>,
): void {
  let depth = 0
  let elements = 0
  // Throwing from a callback stops the tokenizer at once: nothing past the limit is read.
  const parser = new Parser(
    {
      onopentagname() {
        depth++
        elements++
        if (depth > limits.maxHtmlDepth) {
          throw new SourceImportError(
            'too-complex',
            `${what} nests its elements more than ${limits.maxHtmlDepth} deep`,
          )
        }
        if (elements > limits.maxHtmlElements) {
          throw new SourceImportError(
            'too-large',
            `${what} has more than ${limits.maxHtmlElements.toLocaleString('en')} elements`,
          )
        }
      },
      onclosetag() {
        depth--
      },
    },
    { decodeEntities: false },
  )
  parser.end(html)
}
