/** Briefing metadata (title, timestamps); the document body lives in the DocumentStore. */
import type { Briefing } from '../../shared/briefing'

export interface BriefingStore {
  create(input: { id: string; title: string; now: string }): Promise<Briefing>
  get(id: string): Promise<Briefing | undefined>
  list(): Promise<Briefing[]>
  /** Returns the updated briefing, or undefined when it does not exist. */
  update(id: string, patch: { title?: string; now: string }): Promise<Briefing | undefined>
  /** Marks the briefing as edited now (called, throttled, as its document changes). */
  touch(id: string, now: string): Promise<void>
  /** Returns whether a briefing was deleted. */
  delete(id: string): Promise<boolean>
}
