/**
 * Access changes as fan-out control messages, so a role change or sign-out on one instance
 * bites on every instance's open sockets. The message only says what to re-check; each
 * instance re-reads the current access from the store.
 */
import { z } from 'zod'
import type { AccessChange } from '../auth/accessChange'
import type { LiveAccess } from '../auth/liveAccess'
import { errorField, type Logger } from '../log/logger'
import { type ControlMessage, MalformedFanoutMessage } from './messages'
import type { RedisFanout } from './redisFanout'

const ACCESS_CHANGED = 'access-changed'

const accessChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('briefing'), id: z.string().min(1) }),
  z.object({ kind: z.literal('team'), id: z.string().min(1) }),
  z.object({ kind: z.literal('credential'), key: z.string().min(1) }),
])

export function accessChangeMessage(change: AccessChange): ControlMessage {
  return { type: ACCESS_CHANGED, change }
}

/** The access change a control message carries; null for any other kind of message. */
export function accessChangeOf(message: ControlMessage): AccessChange | null {
  if (message.type !== ACCESS_CHANGED) return null
  const parsed = accessChangeSchema.safeParse(message.change)
  if (!parsed.success) {
    throw new MalformedFanoutMessage(`invalid access change: ${parsed.error.message}`)
  }
  return parsed.data
}

/**
 * Applies access changes on this instance and relays them to the others (with no fan-out,
 * this instance is all there is). What other instances relay is applied here; after a cut
 * from Redis, when relayed changes may have been missed, every open room is re-checked.
 */
export class AccessChangeRelay {
  constructor(
    private readonly live: LiveAccess,
    private readonly fanout: RedisFanout | null,
    private readonly log: Logger,
  ) {
    fanout?.onControl((message) => {
      const change = accessChangeOf(message)
      if (change) void this.applyHere(change)
    })
    fanout?.onRelinked(() => live.recheckAll())
  }

  /**
   * Tells the other instances, and applies the change here; resolves once it has been
   * applied here, so a route that awaits it answers after no socket here keeps the old role.
   */
  async broadcast(change: AccessChange): Promise<void> {
    this.fanout?.publishControl(accessChangeMessage(change))
    await this.applyHere(change)
  }

  private applyHere(change: AccessChange): Promise<void> {
    return this.live
      .apply(change)
      .catch((err) =>
        this.log.error('applying an access change failed', { change, error: errorField(err) }),
      )
  }
}
