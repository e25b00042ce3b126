/**
 * Gathers what an export needs about one briefing, from the stores and from its Y.Doc,
 * and builds the export model. The HTTP route and the CLI both come through here, so a
 * download and a command-line export of the same state are the same document.
 */
import { createHash } from 'node:crypto'
import type { Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { readBriefingSettings, settingsMap } from '../../shared/briefing/settings'
import { markingsInUse, readMarkingScheme } from '../../shared/markings/briefingScheme'
import { getSource } from '../../shared/sources/sourcesMap'
import { withSuggestionsRejected } from '../../shared/suggestions/review'
import { readDocumentBody } from '../content/render'
import type { Stores } from '../store'
import type { BriefingRecord } from '../store/briefingStore'
import { buildExportModel } from './build/buildModel'
import { CitationFormatter, citationStyleLabel } from './citations/formatter'
import { InvalidDocumentError } from './errors'
import type { ExportModel } from './model'

/** Facts about a briefing that live in the relational store, not in its document. */
export interface BriefingFacts {
  briefing: BriefingRecord
  team: string | null
  /** The creator, then the other owners and editors, by name. */
  authors: string[]
}

/** Looks up the team name and the authors of `briefing`. */
export async function briefingFacts(
  stores: Pick<Stores, 'teams' | 'users' | 'briefings'>,
  briefing: BriefingRecord,
): Promise<BriefingFacts> {
  const [team, creator, shares] = await Promise.all([
    stores.teams.get(briefing.teamId),
    stores.users.get(briefing.createdBy),
    stores.briefings.listShares(briefing.id),
  ])
  const authors: string[] = []
  const seen = new Set<string>()
  const add = (id: string, name: string) => {
    if (seen.has(id)) return
    seen.add(id)
    authors.push(name)
  }
  if (creator) add(creator.id, creator.name)
  const writers = shares
    .filter((share) => share.role === 'owner' || share.role === 'editor')
    .sort((a, b) => a.name.localeCompare(b.name))
  for (const share of writers) add(share.userId, share.name)
  return { briefing, team: team?.name ?? null, authors }
}

/**
 * The export model of `doc`. Parts of the stored document that break the schema are left
 * out and named in the warnings; InvalidDocumentError means reading it failed anyway.
 */
export function modelFromDoc(
  doc: Y.Doc,
  schema: Schema,
  facts: BriefingFacts,
  now: Date,
): ExportModel {
  let body: ReturnType<typeof readDocumentBody>
  try {
    body = readDocumentBody(doc, schema)
  } catch (err) {
    throw new InvalidDocumentError(
      `briefing ${facts.briefing.id} does not match the document schema: ${(err as Error).message}`,
    )
  }
  const { settings, problems } = readBriefingSettings(doc)
  // A suggestion is not part of the text until someone accepts it.
  const suggestions = withSuggestionsRejected(body.node)
  const markings = markingsInUse(settingsMap(doc), suggestions.doc)
    ? readMarkingScheme(settingsMap(doc))
    : null
  return buildExportModel({
    doc: suggestions.doc,
    getSource: (id) => getSource(doc, id),
    settings,
    markings,
    warnings: [
      ...body.dropped.map((part) => `left out: ${part.message}`),
      ...problems,
      ...openSuggestionsWarning(suggestions.open),
      ...(markings?.problems ?? []),
    ],
    meta: {
      title: facts.briefing.title,
      team: facts.team,
      authors: facts.authors,
      exportedAt: now.toISOString(),
      dateLabel: dateLabel(now),
      updatedAt: facts.briefing.updatedAt,
      updatedLabel: dateTimeLabel(new Date(facts.briefing.updatedAt)),
      version: documentVersion(doc),
    },
    citations: new CitationFormatter(settings.citationStyle),
    citationStyleLabel: citationStyleLabel(settings.citationStyle),
  })
}

function openSuggestionsWarning(open: number): string[] {
  if (open === 0) return []
  const what = open === 1 ? '1 open suggested edit' : `${open} open suggested edits`
  return [`${what} left out: the export reads as if they were rejected`]
}

/**
 * A short fingerprint of the document's state: the first 10 hex digits of the SHA-256 of
 * its encoded state. Two exports with the same version show the same content.
 */
export function documentVersion(doc: Y.Doc): string {
  return createHash('sha256').update(Y.encodeStateAsUpdate(doc)).digest('hex').slice(0, 10)
}

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const TIME = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
})

/** "7 March 2024" (UTC). */
export function dateLabel(date: Date): string {
  return DATE.format(date)
}

/** "7 March 2024, 09:00 UTC"; the raw value when it is not a date. */
export function dateTimeLabel(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'unknown'
  return `${DATE.format(date)}, ${TIME.format(date)} UTC`
}
