/** [SCAP] The per-user and per-address socket caps count what is open, and only that. */
import { describe, expect, it } from 'vitest'
import { SocketCounts } from '../../server/collab/socketLimits'

describe('socket caps', () => {
  it('[SCAP1] a slot given back frees both its caps, once however often it is given back', () => {
    const counts = new SocketCounts({ perUser: 1, perAddress: 2 })
    const first = counts.open('10.0.0.1')!
    expect(first.forUser('ada')).toBe(true)
    const second = counts.open('10.0.0.1')!
    expect(second.forUser('ada')).toBe(false) // Ada's one socket is open
    expect(counts.open('10.0.0.1')).toBeNull() // and the address has two
    first.release()
    first.release()
    second.release()
    const again = counts.open('10.0.0.1')!
    expect(again.forUser('ada')).toBe(true)
    expect(counts.open('10.0.0.1')).not.toBeNull()
    expect(counts.open('10.0.0.1')).toBeNull()
  })

  it('[SCAP2] a socket that closed while it was authorised takes no user slot it would keep', () => {
    const counts = new SocketCounts({ perUser: 1, perAddress: 0 })
    const gone = counts.open('10.0.0.1')!
    gone.release() // the client left during the authorisation
    expect(gone.forUser('ada')).toBe(false)
    expect(counts.open('10.0.0.1')!.forUser('ada')).toBe(true)
  })

  it('[SCAP3] 0 switches a cap off', () => {
    const counts = new SocketCounts({ perUser: 0, perAddress: 0 })
    for (let i = 0; i < 1_000; i++) expect(counts.open('10.0.0.1')?.forUser('ada')).toBe(true)
  })
})
