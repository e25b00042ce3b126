/**
 * The soak's heap-after-GC probe (bench/lib/inspector.ts): reads a process's inspector URL
 * from its stderr, answers process.memoryUsage() after GC, fails (without throwing past the
 * caller) when the process is SIGKILLed, and reconnects to the next process's new URL.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import { HeapProbe, inspectorUrl } from '../../bench/lib/inspector'

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

/** A node process with an inspector on a free port, and that port's URL from its stderr. */
async function inspectable(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      '--inspect=127.0.0.1:0',
      '-e',
      'globalThis.kept = new Array(1e5).fill(1); setInterval(() => {}, 1e3)',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  )
  children.push(child)
  const lines: string[] = []
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.setEncoding('utf8')
    child.stderr!.on('data', (chunk: string) => {
      lines.push(...chunk.split('\n'))
      const found = inspectorUrl(lines)
      if (found) resolve(found)
    })
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${lines.join('\n')}`)))
  })
  return { child, url }
}

describe('inspector heap probe', () => {
  it('samples the heap after GC, survives a SIGKILL and follows a restart', async () => {
    const probe = new HeapProbe(5_000)
    try {
      const first = await inspectable()
      const { usage, gcMs } = await probe.sample(first.url)
      expect(usage.heapUsed).toBeGreaterThan(0)
      expect(usage.heapUsed).toBeLessThanOrEqual(usage.heapTotal)
      expect(usage.rss).toBeGreaterThan(usage.heapUsed)
      expect(gcMs).toBeGreaterThan(0)
      expect((await probe.sample(first.url)).usage.heapUsed).toBeGreaterThan(0)

      const exited = new Promise((resolve) => first.child.once('exit', resolve))
      first.child.kill('SIGKILL')
      await exited
      await expect(probe.sample(first.url)).rejects.toThrow(/inspector/)

      const second = await inspectable()
      expect(second.url).not.toBe(first.url)
      expect((await probe.sample(second.url)).usage.heapUsed).toBeGreaterThan(0)
    } finally {
      await probe.close()
    }
  })

  it('finds the URL in output lines', () => {
    expect(
      inspectorUrl([
        'Debugger listening on ws://127.0.0.1:40123/0f1e2d3c-aaaa-bbbb-cccc-123456789abc',
        'For help, see: https://nodejs.org/en/docs/inspector',
      ]),
    ).toBe('ws://127.0.0.1:40123/0f1e2d3c-aaaa-bbbb-cccc-123456789abc')
    expect(inspectorUrl(['{"msg":"listening"}'])).toBeNull()
  })
})
