/**
 * `briefing export BRIEFING_ID --format pdf|docx|md|html --out FILE`: writes a briefing from
 * the store in DATA_DIR (default ./data) to FILE. It reads SQLite in WAL mode, so it works
 * while a server is running on the same data. On stdout it prints one JSON object about the
 * file written; each export warning also goes to stderr as a `warning:` line.
 */
import { writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as Y from 'yjs'
import { briefingSchema } from '../../../shared/schema/schema'
import {
  briefingFacts,
  EXPORT_FORMATS,
  Exporter,
  type ExportFormat,
  modelFromDoc,
  parseExportFormat,
} from '../../export'
import { openStores } from '../../store'
import { CliError, type CliIo, type Command, USAGE_EXIT_CODE } from '../command'

interface ExportArgs {
  briefingId: string
  format: ExportFormat
  out: string
}

/** Parses `BRIEFING_ID --format F --out FILE` (also `--format=F`, `--out=FILE`). */
export function parseExportArgs(args: readonly string[]): ExportArgs {
  const positional: string[] = []
  const options = new Map<string, string>()
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    const match = /^--(format|out)(?:=(.*))?$/.exec(arg)
    if (!match) {
      if (arg.startsWith('--')) throw new CliError(`unknown option ${arg}`, USAGE_EXIT_CODE)
      positional.push(arg)
      continue
    }
    const value = match[2] ?? args[++i]
    if (value === undefined || value === '') {
      throw new CliError(`--${match[1]} needs a value`, USAGE_EXIT_CODE)
    }
    options.set(match[1]!, value)
  }
  const [briefingId, ...extra] = positional
  if (!briefingId || extra.length > 0) {
    throw new CliError('export takes exactly one BRIEFING_ID', USAGE_EXIT_CODE)
  }
  const out = options.get('out')
  if (!out) throw new CliError('export needs --out FILE', USAGE_EXIT_CODE)
  let format: ExportFormat
  try {
    format = parseExportFormat(options.get('format') ?? 'pdf')
  } catch (err) {
    throw new CliError((err as Error).message, USAGE_EXIT_CODE)
  }
  return { briefingId, format, out }
}

export const exportCommand: Command = {
  name: 'export',
  summary: `write a briefing from DATA_DIR as ${EXPORT_FORMATS.join(', ')}`,
  usage: `BRIEFING_ID --format ${EXPORT_FORMATS.join('|')} --out FILE`,
  async run(args, io) {
    const { briefingId, format, out } = parseExportArgs(args)
    const dataDir = path.resolve(io.cwd, io.env.DATA_DIR ?? './data')
    const file = path.resolve(io.cwd, out)
    const stores = await openStores({ dataDir })
    try {
      const briefing = await stores.briefings.get(briefingId)
      if (!briefing) throw new CliError(`no briefing ${briefingId} in ${dataDir}`)
      const facts = await briefingFacts(stores, briefing)
      const updates = await stores.documents.load(briefing.id)
      const doc = new Y.Doc()
      let model: ReturnType<typeof modelFromDoc>
      try {
        Y.transact(doc, () => {
          for (const update of updates) Y.applyUpdate(doc, update)
        })
        model = modelFromDoc(doc, briefingSchema(), facts, new Date())
      } finally {
        doc.destroy()
      }
      const rendered = await new Exporter().render(model, format)
      await writeFile(file, rendered.body).catch((err: NodeJS.ErrnoException) => {
        throw new CliError(`cannot write ${out}: ${err.code ?? err.message}`)
      })
      report(io, file, rendered)
      return 0
    } finally {
      await stores.close()
    }
  },
}

function report(io: CliIo, file: string, rendered: Awaited<ReturnType<Exporter['render']>>): void {
  for (const warning of rendered.warnings) io.stderr(`warning: ${warning}\n`)
  if (rendered.unverifiedQuotes > 0) {
    io.stderr(`warning: ${rendered.unverifiedQuotes} quote(s) exported marked UNVERIFIED\n`)
  }
  const summary = {
    file,
    format: rendered.format,
    bytes: rendered.body.length,
    pages: rendered.pages,
    unverifiedQuotes: rendered.unverifiedQuotes,
    warnings: rendered.warnings,
  }
  io.stdout(`${JSON.stringify(summary)}\n`)
}
