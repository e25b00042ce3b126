/** [FM] The fan-out wire format: what goes through Redis decodes to what was sent, or fails. */
import { describe, expect, it } from 'vitest'
import { domainEventMessage, domainEventOf } from '../../server/fanout/domainEvents'
import {
  decodeControl,
  decodeRoomMessage,
  encodeControl,
  encodeRoomMessage,
  MalformedFanoutMessage,
  type RoomMessage,
  roomChannel,
  roomOfChannel,
} from '../../server/fanout/messages'

describe('fan-out messages', () => {
  it('[FM1] every room message round-trips with its sender', () => {
    const messages: RoomMessage[] = [
      { type: 'update', update: new Uint8Array([1, 2, 3]) },
      { type: 'awareness', update: new Uint8Array([0]) },
      { type: 'awareness-query' },
      { type: 'left', clients: [1, 2 ** 32 - 1] },
      { type: 'resync' },
    ]
    for (const message of messages) {
      expect(decodeRoomMessage(encodeRoomMessage('instance-1', message))).toEqual({
        from: 'instance-1',
        message,
      })
    }
  })

  it('[FM2] truncated, unknown or overlong messages are rejected whole', () => {
    const good = encodeRoomMessage('i', { type: 'update', update: new Uint8Array([1, 2, 3]) })
    for (const bad of [
      good.slice(0, -1),
      Uint8Array.from([...good, 0]),
      Uint8Array.from([99, ...good.slice(1)]),
      new Uint8Array(),
    ]) {
      expect(() => decodeRoomMessage(bad)).toThrow(MalformedFanoutMessage)
    }
  })

  it('[FM3] room channels name their room, and nothing else is taken for one', () => {
    expect(roomOfChannel(roomChannel('abc-1'))).toBe('abc-1')
    expect(roomOfChannel('briefing:control')).toBeNull()
  })

  it('[FM4] control messages need a sender and a type', () => {
    const message = { type: 'x', n: 1 }
    expect(decodeControl(encodeControl('i', message))).toEqual({ from: 'i', message })
    for (const bad of ['not json', '{}', '{"from":"i","message":{}}', '{"message":{"type":"x"}}']) {
      expect(() => decodeControl(bad)).toThrow(MalformedFanoutMessage)
    }
  })

  it('[FM5] domain events travel as control messages and are validated on arrival', () => {
    const change = { type: 'access-changed', change: { kind: 'team', id: 't1' } } as const
    expect(domainEventOf(domainEventMessage(change))).toEqual(change)
    const deleted = { type: 'briefing-deleted', id: 'b1' } as const
    expect(domainEventOf(domainEventMessage(deleted))).toEqual(deleted)
    expect(domainEventOf({ type: 'something-else' })).toBeNull()
    expect(() => domainEventOf({ type: 'access-changed', change: { kind: 'team' } })).toThrow(
      MalformedFanoutMessage,
    )
    expect(() => domainEventOf({ type: 'briefing-deleted' })).toThrow(MalformedFanoutMessage)
  })
})
