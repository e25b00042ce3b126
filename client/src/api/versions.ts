/**
 * The versions API (docs/API.md, "Versions"): a briefing's history, saving and naming
 * versions, reading and comparing them, and restoring one. Imported only by the history
 * dialog, so its schemas load with it, not with the editor page.
 */
import {
  type CompareResponse,
  compareResponse,
  type Version,
  versionListResponse,
  versionResponse,
} from '../../../shared/api/versions'
import type { NodeJSON } from '../../../shared/versions/diff'
import { parseWith, requestJson } from './http'

export type { CompareResponse, Version }

const at = (briefingId: string, ...parts: string[]) =>
  [
    `/api/briefings/${encodeURIComponent(briefingId)}/versions`,
    ...parts.map(encodeURIComponent),
  ].join('/')

const parseList = parseWith(versionListResponse, 'versions')
const parseOne = parseWith(versionResponse, 'version')
const parseCompare = parseWith(compareResponse, 'compare')

export async function listVersions(briefingId: string): Promise<Version[]> {
  return (await requestJson('GET', at(briefingId), parseList)).versions
}

/** Saves the document now as a version with `name` ("Save version…"). */
export async function saveVersion(briefingId: string, name: string): Promise<Version> {
  return (await requestJson('POST', at(briefingId), parseOne, { name })).version
}

export async function renameVersion(
  briefingId: string,
  versionId: string,
  name: string | null,
): Promise<Version> {
  return (await requestJson('PATCH', at(briefingId, versionId), parseOne, { name })).version
}

/** The version's body as ProseMirror JSON. */
export function versionContent(briefingId: string, versionId: string): Promise<NodeJSON> {
  return requestJson('GET', `${at(briefingId, versionId)}/content`, (body) => {
    if (typeof body !== 'object' || body === null || (body as NodeJSON).type !== 'doc') {
      throw new Error('content is not a document')
    }
    return body as NodeJSON
  })
}

/** Compares version `from` with version `to`, or with the document now (`'current'`). */
export function compareVersions(
  briefingId: string,
  from: string,
  to: string,
): Promise<CompareResponse> {
  return requestJson(
    'GET',
    `${at(briefingId, from)}/compare/${encodeURIComponent(to)}`,
    parseCompare,
  )
}

/** Restores a version for everyone; returns the version made just before (its undo). */
export async function restoreVersion(briefingId: string, versionId: string): Promise<Version> {
  return (await requestJson('POST', `${at(briefingId, versionId)}/restore`, parseOne)).version
}
