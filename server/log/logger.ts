/**
 * Structured JSON logs, one object per line. Passed explicitly to whoever logs, so tests can
 * capture or silence them without touching globals.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void
  info(msg: string, fields?: Record<string, unknown>): void
  warn(msg: string, fields?: Record<string, unknown>): void
  error(msg: string, fields?: Record<string, unknown>): void
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

/** A logger writing JSON lines to `write` (stdout by default) at `minLevel` and above. */
export function createLogger(
  minLevel: LogLevel = 'info',
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const emit = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => {
    if (LEVELS[level] < LEVELS[minLevel]) return
    write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields }))
  }
  return {
    debug: (msg, fields) => emit('debug', msg, fields),
    info: (msg, fields) => emit('info', msg, fields),
    warn: (msg, fields) => emit('warn', msg, fields),
    error: (msg, fields) => emit('error', msg, fields),
  }
}

/** Renders an unknown thrown value for a log field, without a stack for expected errors. */
export function errorField(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err)
}
