/**
 * [TP1] Refusals of a caller over a limit are held (server/http/tarpit.ts): answered after the
 * hold, with the connection closed so its unread body is never drained; a caller with the
 * most refusals already held is answered at once. A real express app on a real port; only
 * the hold's timer is a fake one, advanced by the test.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterEach, describe, expect, it } from 'vitest'
import { type HoldTimer, MAX_HELD_PER_KEY, TARPIT_MS, Tarpit } from '../../server/http/tarpit'
import { waitFor } from '../helpers/waitFor'

let server: http.Server | null = null
afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(null))
  server = null
})

interface Answer {
  status: number
  connection: string | undefined
}

describe('tarpit', () => {
  it('[TP1] holds a refusal, then answers it and closes the connection; past the cap, answers at once', async () => {
    const holds: Array<{ run: () => void; ms: number }> = []
    const timer: HoldTimer = {
      start(run, ms) {
        holds.push({ run, ms })
        return () => {}
      },
    }
    const tarpit = new Tarpit(TARPIT_MS, MAX_HELD_PER_KEY, timer)
    let received = 0
    const app = express()
    app.post('/limited', (_req, res) => {
      received++
      tarpit.refuse('caller', res, () => res.status(429).json({ error: { code: 'rate_limited' } }))
    })
    server = app.listen(0, '127.0.0.1')
    await new Promise((resolve) => server!.once('listening', resolve))
    const { port } = server.address() as AddressInfo
    const answers: Answer[] = []
    const send = () => {
      // A body announced but never sent: nothing may wait for it.
      const request = http.request({
        port,
        host: '127.0.0.1',
        path: '/limited',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': '1000000' },
      })
      request.on('response', (response) => {
        answers.push({ status: response.statusCode ?? 0, connection: response.headers.connection })
        response.resume()
      })
      request.on('error', () => {})
      request.write('{')
    }
    for (let i = 0; i < MAX_HELD_PER_KEY; i++) send()
    await waitFor(() => received === MAX_HELD_PER_KEY, 'the server holds every refusal')
    expect(answers).toEqual([])
    // One more than the cap: answered at once, without waiting for the hold.
    send()
    await waitFor(() => answers.length === 1, 'the refusal past the cap is answered')
    expect(answers).toEqual([{ status: 429, connection: 'close' }])
    expect(holds.map((h) => h.ms)).toEqual(Array(MAX_HELD_PER_KEY).fill(TARPIT_MS))
    for (const hold of holds) hold.run()
    await waitFor(() => answers.length === 1 + MAX_HELD_PER_KEY, 'the held refusals are answered')
    expect(answers.every((a) => a.status === 429 && a.connection === 'close')).toBe(true)
  })
})
