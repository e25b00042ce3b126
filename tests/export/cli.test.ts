/**
 * [EXC] `briefing export` from the command line, against the store of a server that is still
 * running (SQLite in WAL mode lets the CLI read while the server writes).
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportCommand } from '../../server/cli/commands/export'
import { startTestServer, type TestServer, tempDir } from '../helpers/server'
import { createExportBriefing, type ExportBriefing, MARKUP_TEXT } from './fixture'
import { docxParts, pdfText, wordText } from './read'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')

interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/**
 * Runs the CLI the way the README says, through npm, as if typed in `cwd` (npm sets
 * INIT_CWD to where it was started, and the CLI resolves --out against it).
 */
async function briefingCli(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(
      'npm',
      ['--prefix', ROOT, 'run', '--silent', 'briefing', '--', ...args],
      { cwd, env: { ...process.env, ...env } },
    )
    return { code: 0, stdout, stderr }
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

/** Runs the export command in this process, capturing what it writes. */
async function inProcess(
  args: string[],
  env: Record<string, string>,
  cwd: string,
): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const code = await exportCommand.run(args, {
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    cwd,
    env,
  })
  return { code, stdout, stderr }
}

describe('briefing export (CLI)', () => {
  let server: TestServer
  let briefing: ExportBriefing
  let outDir: string

  beforeAll(async () => {
    server = await startTestServer()
    briefing = await createExportBriefing(server, { marking: 'OFFICIAL' })
    outDir = tempDir('briefing-cli-out-')
  })
  afterAll(async () => {
    briefing.client.destroy()
    await server.close()
    fs.rmSync(outDir, { recursive: true, force: true })
  })

  it('[EXC1] writes every format from the live server’s store', async () => {
    const env = { DATA_DIR: server.dataDir }
    const args = (format: string) => [
      briefing.briefingId,
      '--format',
      format,
      '--out',
      `briefing.${format}`,
    ]
    // One real process through npm (the documented entry point); the other formats run the
    // same command in process, which skips three slow process starts but not the store.
    const results = [
      { format: 'pdf', result: await briefingCli(['export', ...args('pdf')], env, outDir) },
    ]
    for (const format of ['docx', 'md', 'html']) {
      results.push({ format, result: await inProcess(args(format), env, outDir) })
    }
    for (const { format, result } of results) {
      expect(result.stderr, format).toBe('')
      expect(result.code, format).toBe(0)
      const summary = JSON.parse(result.stdout) as Record<string, unknown>
      expect(summary).toMatchObject({
        file: path.join(outDir, `briefing.${format}`),
        format,
        unverifiedQuotes: 0,
        warnings: [],
      })
    }
    const pdf = fs.readFileSync(path.join(outDir, 'briefing.pdf'))
    const { text } = await pdfText(pdf)
    expect(text).toContain('“We will reopen on Monday” — Ana Lima, Port Director2')
    expect(text).toContain(MARKUP_TEXT)
    const docx = await docxParts(fs.readFileSync(path.join(outDir, 'briefing.docx')))
    expect(wordText(docx.footnotes)).toContain('Harbor Closes after Storm')
    expect(fs.readFileSync(path.join(outDir, 'briefing.md'), 'utf8')).toContain(
      '[^3]: “Заява щодо порту”',
    )
    expect(fs.readFileSync(path.join(outDir, 'briefing.html'), 'utf8')).toContain(
      '<figure class="quote verified"',
    )
  })

  it('[EXC2] failures are one stderr line and a nonzero exit', async () => {
    const env = { DATA_DIR: server.dataDir }
    const missing = await briefingCli(
      ['export', 'no-such-briefing', '--format', 'md', '--out', 'x.md'],
      env,
      outDir,
    )
    expect(missing.code).toBe(1)
    expect(missing.stdout).toBe('')
    expect(missing.stderr).toBe(
      `briefing export: no briefing no-such-briefing in ${server.dataDir}\n`,
    )
    const badFormat = await briefingCli(
      ['export', briefing.briefingId, '--format', 'rtf', '--out', 'x'],
      env,
      outDir,
    )
    expect(badFormat.code).toBe(2)
    expect(badFormat.stderr.trim().split('\n')).toHaveLength(1)
    expect(badFormat.stderr).toContain('Unknown export format "rtf"')
    expect(fs.existsSync(path.join(outDir, 'x.md'))).toBe(false)
  })
})
