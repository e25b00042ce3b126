/**
 * [OPS] /metrics reports rooms, connections, updates, store latency, the write queue and the
 * connections the server closed, in Prometheus format.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { appendParagraph, connectClient, type TestClient, waitSynced } from '../helpers/clients'
import { createBriefing, startTestServer, type TestServer } from '../helpers/server'
import { tokenFor } from '../helpers/tokens'
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

  it('[OPS2] counts the connections the server closed by code, and reports the write queue', async () => {
    const id = await createBriefing(server.url)
    const ws = new WebSocket(`${server.wsUrl}/${id}?token=${tokenFor(id)}`)
    ws.on('error', () => undefined)
    await new Promise((resolve) => ws.once('message', resolve)) // joined the room
    const closed = new Promise((resolve) => ws.once('close', resolve))
    ws.send('a text frame') // malformed: closed 4400
    expect(await closed).toBe(CloseCode.MalformedMessage)
    const series = `briefing_connections_closed_total{code="${CloseCode.MalformedMessage}"}`
    await waitFor(async () => value(await scrape(), series) === 1, 'the close counted')
    const text = await scrape()
    expect(value(text, 'briefing_write_queue_updates')).toBe(0)
    expect(value(text, 'briefing_write_queue_bytes')).toBe(0)
    // Declared but never fed, it read 0 whatever happened; removed rather than kept lying.
    expect(text).not.toContain('briefing_redis_lag_seconds')
  })
})
