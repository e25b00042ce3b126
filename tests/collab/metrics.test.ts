/** [OPS] /metrics reports rooms, connections, updates and store latency in Prometheus format. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { appendParagraph, connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { createBriefing, startTestServer, type TestServer } from '../helpers/server'
import { waitFor } from '../helpers/waitFor'

describe('metrics', () => {
  let server: TestServer
  const clients: TestClient[] = []
  beforeEach(async () => {
    server = await startTestServer()
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server.close()
  })

  const scrape = async () => {
    const res = await fetch(`${server.url}/metrics`)
    expect(res.headers.get('content-type')).toMatch(/text\/plain/)
    return res.text()
  }
  const value = (text: string, series: string) => {
    const line = text.split('\n').find((l) => l.startsWith(`${series} `))
    return line ? Number(line.split(' ')[1]) : Number.NaN
  }

  it('[OPS1] counts rooms, connections, client updates and store appends', async () => {
    const id = await createBriefing(server.url)
    const a = connectClient(server.wsUrl, id)
    const b = connectClient(server.wsUrl, id)
    clients.push(a, b)
    await Promise.all([waitSynced(a), waitSynced(b)])
    for (let i = 0; i < 5; i++) appendParagraph(a, `line ${i}`)
    await waitFor(
      async () => value(await scrape(), 'briefing_document_updates_total{origin="client"}') >= 5,
      '5 updates counted',
    )
    const text = await scrape()
    expect(value(text, 'briefing_rooms')).toBe(1)
    expect(value(text, 'briefing_connections')).toBe(2)
    expect(
      value(text, 'briefing_store_seconds_count{operation="append",outcome="ok"}'),
    ).toBeGreaterThanOrEqual(1)
    expect(text).toContain('briefing_process_resident_memory_bytes')
  })
})
