/**
 * A local HTTP server for fetch tests, on 127.0.0.1 and a port the OS picks. Each route is a
 * plain request handler; `close` also ends the connections a test left hanging on purpose.
 */

import http from 'node:http'
import type { AddressInfo } from 'node:net'

export type Routes = Record<string, http.RequestListener>

export interface TestServer {
  /** Absolute URL of a path on this server. */
  url(path: string): string
  close(): Promise<void>
}

export async function startTestServer(routes: Routes): Promise<TestServer> {
  const server = http.createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    const route = routes[path]
    if (route) route(request, response)
    else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections()
        server.close((error) => (error ? reject(error) : resolve()))
      }),
  }
}

/** Streams chunks for as long as the client reads, respecting backpressure. */
export function endlessBody(response: http.ServerResponse, contentType: string): void {
  response.writeHead(200, { 'content-type': contentType })
  const chunk = Buffer.alloc(64 * 1024, 'a')
  const pump = () => {
    let room = true
    while (room && !response.destroyed) room = response.write(chunk)
    if (!response.destroyed) response.once('drain', pump)
  }
  pump()
}
