/** Starting real Briefing servers for tests: in-process on port 0, with a temp data dir. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type RunningServer, type StartOptions, startBriefingServer } from '../../server/app'
import { createLogger, type Logger } from '../../server/log/logger'

/** A logger that keeps lines for assertions and prints nothing. */
export function captureLogger(): Logger & { lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = []
  const logger = createLogger('debug', (line) => lines.push(JSON.parse(line)))
  return Object.assign(logger, { lines })
}

export function tempDir(prefix = 'briefing-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix))
}

export interface TestServer extends RunningServer {
  dataDir: string
  wsUrl: string
  log: ReturnType<typeof captureLogger>
}

export async function startTestServer(options: Partial<StartOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir()
  const log = captureLogger()
  const server = await startBriefingServer({
    port: 0,
    host: '127.0.0.1',
    logger: log,
    ...options,
    dataDir,
  })
  return { ...server, dataDir, log, wsUrl: `${server.url.replace('http', 'ws')}/collab` }
}

/** Creates a briefing through the REST API and returns its id. */
export async function createBriefing(baseUrl: string, title = 'Test briefing'): Promise<string> {
  const res = await fetch(`${baseUrl}/api/briefings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title }),
  })
  if (res.status !== 201)
    throw new Error(`create briefing failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { id: string }).id
}
