/**
 * The `briefing` command line: `npm run --silent briefing -- <command> [args]`.
 *
 * Output discipline, relied on by scripts: a command's result is the only thing on stdout, and
 * a failure is one line on stderr with a nonzero exit code, never a stack trace.
 */

import { CliError, type CliIo, type Command, USAGE_EXIT_CODE } from './command'
import { COMMANDS } from './commands'

function usage(commands: readonly Command[]): string {
  const lines = commands.map((c) => `  briefing ${c.name} ${c.usage}  ${c.summary}`)
  return `usage:\n${lines.join('\n')}\n`
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim()
}

/** Runs the CLI with `argv` (without node and script); resolves with the exit code. */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands = COMMANDS,
): Promise<number> {
  const [name, ...args] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stderr(usage(commands))
    return name === undefined ? USAGE_EXIT_CODE : 0
  }
  const command = commands.find((c) => c.name === name)
  if (!command) {
    io.stderr(
      `briefing: unknown command "${oneLine(name)}" (known: ${commands.map((c) => c.name).join(', ')})\n`,
    )
    return USAGE_EXIT_CODE
  }
  try {
    return await command.run(args, io)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`briefing ${command.name}: ${oneLine(message)}\n`)
    return error instanceof CliError ? error.exitCode : 1
  }
}

/**
 * Libraries that log (pdf.js font warnings, for one) must not corrupt the JSON on stdout, so
 * while the CLI runs, console output goes to stderr instead.
 */
function keepStdoutForResults(): void {
  const toStderr = (...parts: unknown[]) => process.stderr.write(`${parts.map(String).join(' ')}\n`)
  console.log = toStderr
  console.info = toStderr
  console.debug = toStderr
}

keepStdoutForResults()
const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // npm runs scripts from the package root; INIT_CWD is where the user typed the command.
  cwd: process.env.INIT_CWD ?? process.cwd(),
  env: process.env,
}
process.exitCode = await runCli(process.argv.slice(2), io)
