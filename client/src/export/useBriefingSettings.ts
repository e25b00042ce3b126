/** The briefing's export settings from its Y.Doc, re-rendering whenever any peer changes them. */
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import {
  DEFAULT_SETTINGS,
  type ReadSettings,
  readBriefingSettings,
  settingsMap,
} from '../../../shared/briefing/settings'

const NO_DOCUMENT: ReadSettings = { settings: DEFAULT_SETTINGS, problems: [] }

/** The settings of `doc` (defaults until there is one), with any values that were ignored. */
export function useBriefingSettings(doc: Y.Doc | null): ReadSettings {
  const [read, setRead] = useState(() => (doc ? readBriefingSettings(doc) : NO_DOCUMENT))
  useEffect(() => {
    if (!doc) {
      setRead(NO_DOCUMENT)
      return
    }
    const map = settingsMap(doc)
    const update = () => setRead(readBriefingSettings(doc))
    // Read again here: the map may have changed between the render and this effect.
    update()
    map.observe(update)
    return () => map.unobserve(update)
  }, [doc])
  return read
}
