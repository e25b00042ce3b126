/**
 * The contract between the CLI's dispatcher and its subcommands. A command gets its own
 * arguments and an IO object, never the process, so tests can run one in memory.
 */

/** Where a command writes and what it may read of its environment. */
export interface CliIo {
  stdout(text: string): void
  stderr(text: string): void
  /** Directory relative paths are resolved against (the user's, not npm's). */
  cwd: string
  env: Readonly<Record<string, string | undefined>>
}

/** One subcommand: `briefing <name> ...args`. */
export interface Command {
  name: string
  /** One line for the usage listing. */
  summary: string
  /** Argument synopsis, e.g. "FILE". */
  usage: string
  /** Runs the command; resolves with the exit code. Throws CliError for a reported failure. */
  run(args: readonly string[], io: CliIo): Promise<number>
}

/** A failure to report as one line on stderr, with this exit code. */
export class CliError extends Error {
  override readonly name = 'CliError'

  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message)
  }
}

/** Exit code for bad arguments. */
export const USAGE_EXIT_CODE = 2
