/** Starting real Briefing servers for tests: in-process on port 0, with a temp data dir. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type RunningServer, type StartOptions, startBriefingServer } from '../../server/app'
import { createLogger, type Logger } from '../../server/log/logger'
import { rememberToken } from './tokens'
import { collabToken, createBriefingAs, signUp } from './users'

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

/**
 * The scrypt cost test servers hash with: 1/8 of production's, so the suite's hundreds of
 * sign-ups stay fast. Production's own cost is tested in tests/access/passwords.test.ts.
 */
export const TEST_PASSWORD_COST = { N: 2 ** 14, r: 8, p: 1 }

export async function startTestServer(options: Partial<StartOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? tempDir()
  const log = captureLogger()
  const server = await startBriefingServer({
    port: 0,
    host: '127.0.0.1',
    logger: log,
    passwordCost: TEST_PASSWORD_COST,
    ...options,
    dataDir,
  })
  return { ...server, dataDir, log, wsUrl: `${server.url.replace('http', 'ws')}/collab` }
}

/**
 * Creates a briefing owned by a fresh user and remembers a collab token for it, so
 * `connectClient(wsUrl, id)` can open it without each test repeating the sign-in dance.
 * Tests about access itself use tests/helpers/users.ts directly.
 */
export async function createBriefing(baseUrl: string, title = 'Test briefing'): Promise<string> {
  const owner = await signUp(baseUrl, { name: 'Owner' })
  const id = await createBriefingAs(owner, title)
  rememberToken(id, await collabToken(owner, id))
  return id
}
