/**
 * The fan-out's two Redis connections (a subscribed connection cannot publish) and their
 * health. Commands fail fast while a connection is down instead of queueing, because the
 * fan-out recovers through the store, not by replaying stale traffic; ioredis reconnects
 * with backoff, and each outage is logged once rather than once per attempt.
 */
import { Redis, type RedisOptions } from 'ioredis'
import { errorField, type Logger } from '../log/logger'

export interface RedisLinkEvents {
  /** The publisher (re)connected. */
  onPublisherReady(): void
  /** The subscriber (re)connected with no subscriptions: subscribe to everything again. */
  onSubscriberReady(): void
  /** The subscriber lost its connection, and with it every subscription. */
  onSubscriberLost(): void
  onMessage(channel: string, data: Buffer): void
}

type Role = 'publisher' | 'subscriber'

export class RedisLink {
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private readonly down = new Set<Role>()
  private closed = false

  constructor(
    url: string,
    name: string,
    private readonly log: Logger,
    events: RedisLinkEvents,
  ) {
    const common: RedisOptions = {
      enableOfflineQueue: false,
      retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    }
    this.publisher = new Redis(url, { ...common, connectionName: `${name}-pub` })
    this.subscriber = new Redis(url, {
      ...common,
      connectionName: `${name}-sub`,
      // The fan-out resubscribes itself, so it knows when each subscription is confirmed.
      autoResubscribe: false,
      autoResendUnfulfilledCommands: false,
    })
    this.watch(this.publisher, 'publisher')
    this.watch(this.subscriber, 'subscriber')
    this.publisher.on('ready', () => events.onPublisherReady())
    this.subscriber.on('ready', () => events.onSubscriberReady())
    this.subscriber.on('close', () => events.onSubscriberLost())
    this.subscriber.on('messageBuffer', (channel: Buffer, data: Buffer) =>
      events.onMessage(channel.toString(), data),
    )
  }

  get publisherReady(): boolean {
    return this.publisher.status === 'ready'
  }

  get subscriberReady(): boolean {
    return this.subscriber.status === 'ready'
  }

  /** Rejects at once when the publisher is not connected. */
  async publish(channel: string, data: Buffer | string): Promise<void> {
    await this.publisher.publish(channel, data)
  }

  /** Resolves once Redis confirmed the subscriptions; rejects when not connected. */
  async subscribe(...channels: string[]): Promise<void> {
    await this.subscriber.subscribe(...channels)
  }

  /** Best effort: a lost connection drops its subscriptions anyway. */
  unsubscribe(channel: string): void {
    if (this.subscriberReady) this.subscriber.unsubscribe(channel).catch(() => undefined)
  }

  /** QUITs connected connections (flushing what was sent) and stops reconnecting. */
  async close(): Promise<void> {
    this.closed = true
    await Promise.allSettled([quit(this.publisher), quit(this.subscriber)])
  }

  private watch(connection: Redis, role: Role): void {
    const wentDown = (err?: unknown) => {
      if (this.closed || this.down.has(role)) return
      this.down.add(role)
      this.log.warn('redis connection lost; serving local clients and retrying', {
        role,
        ...(err === undefined ? {} : { error: errorField(err) }),
      })
    }
    // Without an 'error' listener ioredis prints every failed attempt to the console.
    connection.on('error', wentDown)
    connection.on('close', () => wentDown())
    connection.on('ready', () => {
      if (this.down.delete(role)) this.log.info('redis connection restored', { role })
    })
  }
}

async function quit(connection: Redis): Promise<void> {
  if (connection.status === 'ready') await connection.quit()
  else connection.disconnect()
}
