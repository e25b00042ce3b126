/**
 * A tiny Chrome DevTools Protocol client over `ws`, for asking a Node process started with
 * `--inspect=127.0.0.1:0` for its V8 heap after a full GC, without any switch in the product
 * code. Node prints the session URL on stderr ("Debugger listening on ws://127.0.0.1:PORT/UUID");
 * `inspectorUrl` finds it in a process's output lines.
 *
 * Only `HeapProfiler.collectGarbage` and `Runtime.evaluate` are used; no domain is enabled, so
 * an attached session costs the process nothing between calls. A full GC is a stop-the-world
 * pause for the process asked, so callers should ask rarely.
 */
import WebSocket from 'ws'

/** What `process.memoryUsage()` returns, in bytes. */
export interface MemoryUsage {
  rss: number
  heapTotal: number
  heapUsed: number
  external: number
  arrayBuffers: number
}

const LISTENING = /Debugger listening on (ws:\/\/\S+)/

/** The inspector URL in a process's output lines (the last one, should it print several). */
export function inspectorUrl(lines: readonly string[]): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = LISTENING.exec(lines[i]!)
    if (match) return match[1]!
  }
  return null
}

interface Pending {
  resolve(result: Record<string, unknown>): void
  reject(err: Error): void
}

/** One CDP session. Every call fails at once when the socket closes (the process died). */
export class Inspector {
  private nextId = 1
  private readonly pending = new Map<number, Pending>()
  private closedWith: Error | null = null

  private constructor(
    readonly url: string,
    private readonly socket: WebSocket,
  ) {
    socket.on('message', (data) => this.receive(String(data)))
    socket.on('close', () => this.fail(new Error(`inspector ${url} closed`)))
    // Without a listener an error event would throw; 'close' always follows it.
    socket.on('error', (err) => this.fail(err))
  }

  /** Opens a session; rejects after `timeoutMs` or if nothing listens at `url`. */
  static connect(url: string, timeoutMs = 5_000): Promise<Inspector> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { handshakeTimeout: timeoutMs, perMessageDeflate: false })
      const failed = (err: Error) => {
        socket.removeAllListeners()
        socket.on('error', () => {})
        socket.terminate()
        reject(new Error(`inspector ${url}: ${err.message}`))
      }
      socket.once('error', failed)
      socket.once('close', () => failed(new Error('closed while connecting')))
      socket.once('open', () => {
        socket.removeAllListeners()
        resolve(new Inspector(url, socket))
      })
    })
  }

  get open(): boolean {
    return this.closedWith === null && this.socket.readyState === WebSocket.OPEN
  }

  /** Sends a CDP command and resolves with its result; rejects on a protocol error or timeout. */
  call(
    method: string,
    params: Record<string, unknown> = {},
    timeoutMs = 10_000,
  ): Promise<Record<string, unknown>> {
    if (this.closedWith) return Promise.reject(this.closedWith)
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error(`inspector ${method}: no answer in ${timeoutMs} ms`))
      }, timeoutMs)
      this.pending.set(id, {
        resolve: (result) => {
          clearTimeout(timer)
          resolve(result)
        },
        reject: (err) => {
          clearTimeout(timer)
          reject(err)
        },
      })
      this.socket.send(JSON.stringify({ id, method, params }), (err) => {
        if (err) this.settle(id, err)
      })
    })
  }

  /** Closes the session (a close handshake, then a hard stop if the peer does not answer). */
  async close(): Promise<void> {
    this.fail(new Error(`inspector ${this.url} closed by the caller`))
    const socket = this.socket
    if (socket.readyState === WebSocket.CLOSED) return
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        socket.terminate()
        resolve()
      }, 1_000)
      socket.once('close', () => {
        clearTimeout(timer)
        resolve()
      })
      if (socket.readyState === WebSocket.OPEN) socket.close()
    })
  }

  private receive(text: string) {
    let message: { id?: number; result?: Record<string, unknown>; error?: { message?: string } }
    try {
      message = JSON.parse(text)
    } catch {
      return
    }
    // Events (no id) are not asked for and are ignored.
    if (typeof message.id !== 'number') return
    if (message.error)
      this.settle(message.id, new Error(`inspector: ${message.error.message ?? 'error'}`))
    else this.settle(message.id, undefined, message.result ?? {})
  }

  private settle(id: number, err?: Error, result?: Record<string, unknown>) {
    const pending = this.pending.get(id)
    if (!pending) return
    this.pending.delete(id)
    if (err) pending.reject(err)
    else pending.resolve(result!)
  }

  private fail(err: Error) {
    this.closedWith ??= err
    for (const [id] of this.pending) this.settle(id, this.closedWith)
  }
}

/** Memory after GC, and how long the two GCs took, round trips included (about the pause). */
export interface HeapSampleResult {
  usage: MemoryUsage
  gcMs: number
}

/**
 * Two full GCs (the second collects what the first's finalizers released), then
 * `process.memoryUsage()` in the process. A stop-the-world pause for that process, and not a
 * short one: one `collectGarbage` took as long as two or three `gc()` calls (about 90 ms for a
 * 65 MiB heap here), so the pair costs a 40 MiB server about 150–200 ms under load.
 */
export async function memoryAfterGc(
  inspector: Inspector,
  timeoutMs = 10_000,
): Promise<HeapSampleResult> {
  const started = performance.now()
  await inspector.call('HeapProfiler.collectGarbage', {}, timeoutMs)
  await inspector.call('HeapProfiler.collectGarbage', {}, timeoutMs)
  const gcMs = performance.now() - started
  const reply = await inspector.call(
    'Runtime.evaluate',
    { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true },
    timeoutMs,
  )
  const details = reply.exceptionDetails as { text?: string } | undefined
  if (details) throw new Error(`inspector: evaluate threw: ${details.text ?? 'exception'}`)
  const value = (reply.result as { value?: unknown } | undefined)?.value
  if (typeof value !== 'string') throw new Error('inspector: evaluate returned no string')
  return { usage: JSON.parse(value) as MemoryUsage, gcMs }
}

/**
 * Heap-after-GC samples of whichever process currently listens at a URL: keeps one session,
 * and opens a new one when the URL changes (a restarted process has a new one) or the old
 * session closed. A failed sample (the process died meanwhile) rejects; the next one
 * reconnects.
 */
export class HeapProbe {
  private session: Inspector | null = null

  constructor(private readonly timeoutMs = 10_000) {}

  async sample(url: string): Promise<HeapSampleResult> {
    if (this.session && (this.session.url !== url || !this.session.open)) await this.close()
    this.session ??= await Inspector.connect(url, this.timeoutMs)
    const session = this.session
    try {
      return await memoryAfterGc(session, this.timeoutMs)
    } catch (err) {
      // A session that timed out may be wedged: start afresh next time.
      if (this.session === session) await this.close()
      throw err
    }
  }

  async close(): Promise<void> {
    const session = this.session
    this.session = null
    await session?.close()
  }
}
