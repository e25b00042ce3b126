/** The ProseMirror schema built from the shared extension list, for code that has no editor. */
import { getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { briefingExtensions } from './extensions'

/** Builds the briefing's ProseMirror schema. Cheap enough to call per use; callers may cache. */
export function briefingSchema(): Schema {
  return getSchema(briefingExtensions())
}
