/**
 * A tiny TCP proxy standing in for a load balancer: clients connect to it, and it forwards
 * to one instance. Retargeting it sends every later connection elsewhere, which is what a
 * balancer does when an instance dies; connections already open end with their upstream.
 */
import net from 'node:net'

export class TcpProxy {
  private readonly sockets = new Set<net.Socket>()

  private constructor(
    private readonly server: net.Server,
    private targetPort: number,
  ) {
    server.on('connection', (client) => this.forward(client))
  }

  static async start(targetPort: number): Promise<TcpProxy> {
    const server = net.createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    return new TcpProxy(server, targetPort)
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port
  }

  /** `ws://…/collab` through the proxy. */
  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/collab`
  }

  retarget(port: number): void {
    this.targetPort = port
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise((resolve) => this.server.close(resolve))
  }

  private forward(client: net.Socket): void {
    const upstream = net.connect(this.targetPort, '127.0.0.1')
    for (const socket of [client, upstream]) {
      this.sockets.add(socket)
      // Either side ending ends both, as a balancer's connection does.
      socket.on('error', () => undefined)
      socket.on('close', () => {
        this.sockets.delete(socket)
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
  }
}
