/**
 * Versions (issue 15), measured in one in-process server over its HTTP API: saving a version
 * of a long briefing, listing a briefing's whole history, comparing two versions of the long
 * briefing that differ in a few paragraphs, and restoring one (the forward edit through the
 * live room, with the versions made before and after). SQLite in a temp dir, as the default
 * deployment runs.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { startBriefingServer } from '../../server/app'
import { editDocument } from '../../server/collab/serverEdit'
import { createLogger } from '../../server/log/logger'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import type { BenchConfig } from '../config'
import { article } from '../lib/article'
import { monoMs } from '../lib/clock'
import { median } from '../lib/histogram'

export interface VersionsResult {
  chars: number
  paragraphs: number
  versionBytes: number
  listed: number
  saveMs: number
  listMs: number
  compareMs: number
  restoreMs: number
  runs: { save: number[]; list: number[]; compare: number[]; restore: number[] }
}

export async function versionsBench(config: BenchConfig): Promise<VersionsResult> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-versions-'))
  const server = await startBriefingServer({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    logger: createLogger('warn'),
    limits: { apiPerMinute: 0, authPer15Minutes: 0 },
    versionSettleMs: 60 * 60 * 1000,
  })
  try {
    const cookie = await signUp(server.url)
    const api = async (url: string, init: { method?: string; body?: unknown } = {}) => {
      const res = await fetch(`${server.url}${url}`, {
        method: init.method ?? 'GET',
        headers: {
          cookie,
          origin: server.url,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
        body: init.body ? JSON.stringify(init.body) : undefined,
      })
      const text = await res.text()
      if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url}: ${res.status} ${text}`)
      return text ? JSON.parse(text) : null
    }
    const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
      const started = monoMs()
      const result = await work()
      return [result, Math.round((monoMs() - started) * 10) / 10]
    }

    const { id } = await api('/api/briefings', { method: 'POST', body: { title: 'Long' } })
    const paragraphs = longText(config.versions.chars)
    await editDocument(server.registry, id, 'bench', (doc) => {
      const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT)
      fragment.insert(0, paragraphs.map(paragraph))
    })
    const edit = (run: number) =>
      editDocument(server.registry, id, 'bench', (doc) => {
        const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT)
        const at = (run * 37) % fragment.length
        const text = (fragment.get(at) as Y.XmlElement).get(0) as Y.XmlText
        text.insert(0, `Edit ${run}. `)
      })

    const runs = {
      save: [] as number[],
      list: [] as number[],
      compare: [] as number[],
      restore: [] as number[],
    }
    const saved: string[] = []
    for (let run = 0; run < config.versions.runs + 1; run++) {
      await edit(run)
      const [{ version }, ms] = await timed(() =>
        api(`/api/briefings/${id}/versions`, { method: 'POST', body: { name: `v${run}` } }),
      )
      saved.push(version.id)
      runs.save.push(ms)
    }
    const versionBytes = (await api(`/api/briefings/${id}/versions`)).versions[0].bytes

    for (let run = 0; run < config.versions.runs; run++) {
      const [, ms] = await timed(() =>
        api(`/api/briefings/${id}/versions/${saved[0]}/compare/${saved[run + 1]}`),
      )
      runs.compare.push(ms)
    }

    // A history of `listed` versions, stored directly (small states: listing reads no state).
    const { id: listedId } = await api('/api/briefings', { method: 'POST', body: { title: 'Old' } })
    const state = Y.encodeStateAsUpdate(new Y.Doc())
    for (let i = 0; i < config.versions.listed; i++) {
      await server.stores.versions.add(listedId, {
        id: `v${i}`,
        createdAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        kind: 'settled',
        name: i % 10 === 0 ? `Named ${i}` : null,
        authors: [{ id: 'u', name: 'Ada' }],
        restoredFrom: null,
        state,
        content: { type: 'doc', content: [] },
      })
    }
    for (let run = 0; run < config.versions.runs; run++) {
      const [body, ms] = await timed(() => api(`/api/briefings/${listedId}/versions`))
      if (body.versions.length !== config.versions.listed) throw new Error('listed too few')
      runs.list.push(ms)
    }

    for (let run = 0; run < config.versions.runs; run++) {
      await edit(1000 + run)
      const [, ms] = await timed(() =>
        api(`/api/briefings/${id}/versions/${saved[run % saved.length]}/restore`, {
          method: 'POST',
        }),
      )
      runs.restore.push(ms)
    }

    return {
      chars: paragraphs.reduce((sum, p) => sum + p.length, 0),
      paragraphs: paragraphs.length,
      versionBytes,
      listed: config.versions.listed,
      saveMs: median(runs.save),
      listMs: median(runs.list),
      compareMs: median(runs.compare),
      restoreMs: median(runs.restore),
      runs,
    }
  } finally {
    await server.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/** Paragraphs of article text adding up to about `chars` characters. */
function longText(chars: number): string[] {
  const out: string[] = []
  let total = 0
  while (total < chars) {
    // A new seed each round: repeated paragraphs would make the compare's alignment trivial.
    for (const p of article(2_000, 5 + out.length)) {
      out.push(p)
      total += p.length
      if (total >= chars) break
    }
  }
  return out
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

async function signUp(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'bench@example.test',
      name: 'Bench',
      password: 'correct horse battery',
    }),
  })
  if (res.status !== 201) throw new Error(`register failed: ${res.status}`)
  return res.headers.getSetCookie()[0]!.split(';')[0]!
}
