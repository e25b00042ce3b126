/**
 * A TCP link that can go silent without closing, as a network does when a laptop sleeps or a
 * train enters a tunnel: both directions stop, and neither end is told.
 */
import net from 'node:net'

export class FreezableLink {
  private readonly pairs: Array<[net.Socket, net.Socket]> = []
  private frozen = false

  private constructor(
    private readonly server: net.Server,
    private readonly targetPort: number,
  ) {
    server.on('connection', (client) => this.forward(client))
  }

  static async start(targetPort: number): Promise<FreezableLink> {
    const server = net.createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return new FreezableLink(server, targetPort)
  }

  /** `ws://…/collab` through the link. */
  get wsUrl(): string {
    return `ws://127.0.0.1:${(this.server.address() as net.AddressInfo).port}/collab`
  }

  /**
   * Stops every byte both ways on the connections open now. Nothing is closed, and an end
   * that closes is not told to the other: the link is as good as cut.
   */
  freeze(): void {
    this.frozen = true
    for (const [client, upstream] of this.pairs) {
      client.unpipe(upstream)
      upstream.unpipe(client)
      client.pause()
      upstream.pause()
    }
  }

  async close(): Promise<void> {
    for (const pair of this.pairs) for (const socket of pair) socket.destroy()
    await new Promise((resolve) => this.server.close(resolve))
  }

  private forward(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, '127.0.0.1')
    this.pairs.push([client, upstream])
    for (const socket of [client, upstream]) {
      socket.on('error', () => undefined)
      socket.on('close', () => {
        if (this.frozen) return
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
  }
}
