/**
 * The live banner at the top of the page: the overall marking, rolled up from every portion
 * as anyone types, for everyone in the briefing. A roll-up that would release to nobody is
 * shown as an error naming the release lists, for the author to resolve. Loaded only once the
 * briefing uses portion marks (markingsInUse.ts).
 */
import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { type BannerState, bannerState } from './bannerState'

interface MarkingBannerProps {
  editor: Editor
  /** The briefing's settings map (`settingsMap(doc)`), which names its scheme and default. */
  settings: Y.Map<unknown>
}

export function MarkingBanner({ editor, settings }: MarkingBannerProps) {
  const [state, setState] = useState<BannerState>(() => bannerState(editor.state.doc, settings))
  useEffect(() => {
    const update = () => setState(bannerState(editor.state.doc, settings))
    update()
    editor.on('update', update)
    settings.observe(update)
    return () => {
      editor.off('update', update)
      settings.unobserve(update)
    }
  }, [editor, settings])

  if (!state.ok) {
    return (
      <p className="marking-banner marking-banner--error" role="alert" data-testid="marking-banner">
        No banner: {state.reason}. Change a portion's release list.
      </p>
    )
  }
  return (
    <output
      className={`marking-banner marking-banner--${state.scheme}-${state.level}`}
      aria-label={`Overall marking ${state.text}`}
      title={
        state.problems.length > 0
          ? `Rolled up from every portion. Ignored: ${state.problems.join('; ')}`
          : 'Rolled up from every portion of the briefing'
      }
      data-testid="marking-banner"
    >
      {state.text}
    </output>
  )
}
