/** What the live banner shows: the roll-up of every portion of the document, or why none. */
import type { Node as PMNode } from '@tiptap/pm/model'
import type * as Y from 'yjs'
import { readMarkingScheme } from '../../../../shared/markings/briefingScheme'
import { bannerOf, portionsOf } from '../../../../shared/markings/portion'
import { formatBanner } from '../../../../shared/markings/text'

export type BannerState =
  | { ok: true; text: string; level: string; scheme: string; problems: string[] }
  | { ok: false; reason: string; scheme: string }

export function bannerState(doc: PMNode, settings: Y.Map<unknown>): BannerState {
  const setup = readMarkingScheme(settings)
  const { portions, problems } = portionsOf(doc, setup.scheme, setup.portionDefault)
  const rolled = bannerOf(setup.scheme, portions)
  if (!rolled.ok) return { ok: false, reason: rolled.reason, scheme: setup.scheme.id }
  return {
    ok: true,
    text: formatBanner(setup.scheme, rolled.marking),
    level: rolled.marking.level,
    scheme: setup.scheme.id,
    problems: [...setup.problems, ...problems],
  }
}
