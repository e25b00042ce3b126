/**
 * The bench side-channel both server wrappers share: announce the port, answer `mem` on
 * stdin with memory after a full GC, stop cleanly on SIGTERM, and exit when the parent goes
 * away (stdin closes), so an aborted bench run never leaves servers behind. For finding out
 * where memory and time go: `snapshot <file>` writes a V8 heap snapshot, `profile-start`
 * and `profile-stop <file>` record a CPU profile (.cpuprofile, for Chrome DevTools).
 */
import fs from 'node:fs'
import { Session } from 'node:inspector/promises'
import v8 from 'node:v8'

/** Prints the ready line and serves stdin commands until the process stops. */
export function serveBenchControl(port: number, stop: () => Promise<void>): void {
  process.stdout.write(`${JSON.stringify({ bench: 'ready', port })}\n`)
  let stopping = false
  const shutdown = (code: number) => {
    if (stopping) return
    stopping = true
    stop().then(
      () => process.exit(code),
      (err) => {
        process.stderr.write(`stop failed: ${String(err)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', () => shutdown(0))
  process.on('SIGINT', () => shutdown(0))
  let partial = ''
  process.stdin.setEncoding('utf8')
  process.stdin.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) {
      const [command, argument] = line.trim().split(/\s+/)
      if (command === 'mem') reportMemory()
      if (command === 'snapshot' && argument) {
        ;(globalThis as { gc?: () => void }).gc?.()
        const file = v8.writeHeapSnapshot(argument)
        process.stdout.write(`${JSON.stringify({ bench: 'snapshot', file })}\n`)
      }
      if (command === 'profile-start') void profiler.start()
      if (command === 'profile-stop' && argument) void profiler.stop(argument)
    }
  })
  process.stdin.on('end', () => shutdown(0))
}

function reportMemory(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  // Twice: the first pass may only queue finalizers that free more on the second.
  gc?.()
  gc?.()
  const mem = process.memoryUsage()
  process.stdout.write(`${JSON.stringify({ bench: 'mem', gc: Boolean(gc), ...mem })}\n`)
}

const profiler = {
  session: null as Session | null,
  async start(): Promise<void> {
    this.session = new Session()
    this.session.connect()
    await this.session.post('Profiler.enable')
    await this.session.post('Profiler.start')
    process.stdout.write(`${JSON.stringify({ bench: 'profile-started' })}\n`)
  },
  async stop(file: string): Promise<void> {
    if (!this.session) return
    const { profile } = await this.session.post('Profiler.stop')
    fs.writeFileSync(file, JSON.stringify(profile))
    this.session.disconnect()
    this.session = null
    process.stdout.write(`${JSON.stringify({ bench: 'profile', file })}\n`)
  },
}
