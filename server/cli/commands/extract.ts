/**
 * `briefing extract FILE|URL`: imports one source and prints it with its quotations as a single
 * JSON object on stdout. The output shape is a contract used by automated checks:
 * `{title, byline, publisher, publishedAt, url, body, quotes: [{text, speaker, speakerRole,
 * kind, start, end, paragraph}]}`.
 */

import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { PARAGRAPH_SEPARATOR } from '../../../shared/sources/types'
import { type ImportInput, type ImportResult, importSource, loopbackAllowedBy } from '../../sources'
import { CliError, type CliIo, type Command, USAGE_EXIT_CODE } from '../command'

function readError(file: string, error: NodeJS.ErrnoException): CliError {
  const reason =
    error.code === 'ENOENT'
      ? 'no such file'
      : error.code === 'EISDIR'
        ? 'it is a directory'
        : error.code === 'EACCES'
          ? 'permission denied'
          : (error.code ?? error.message)
  return new CliError(`cannot read ${file}: ${reason}`)
}

async function inputFor(target: string, io: CliIo): Promise<ImportInput> {
  if (/^https?:\/\//i.test(target)) return { type: 'url', url: target }
  const file = path.resolve(io.cwd, target)
  try {
    return { type: 'file', filename: path.basename(file), bytes: await readFile(file) }
  } catch (error) {
    throw readError(target, error as NodeJS.ErrnoException)
  }
}

/** The contract's JSON object, with keys in the documented order. */
export function extractOutput(result: ImportResult) {
  return {
    title: result.title,
    byline: result.byline,
    publisher: result.publisher,
    publishedAt: result.publishedAt,
    url: result.url,
    body: result.paragraphs.join(PARAGRAPH_SEPARATOR),
    quotes: result.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker,
      speakerRole: q.speakerRole,
      kind: q.kind,
      start: q.start,
      end: q.end,
      paragraph: q.paragraph,
    })),
  }
}

export const extractCommand: Command = {
  name: 'extract',
  summary: 'print a source (.txt, .html, .pdf, .docx or URL) and its quotations as JSON',
  usage: 'FILE',
  async run(args, io) {
    const [target, ...extra] = args
    if (target === undefined || extra.length > 0) {
      throw new CliError('extract takes exactly one FILE argument', USAGE_EXIT_CODE)
    }
    const input = await inputFor(target, io)
    // Only test setups set it, to fetch from their own local server.
    const result = await importSource(input, {
      fetch: { allowLoopback: loopbackAllowedBy(io.env) },
    })
    io.stdout(`${JSON.stringify(extractOutput(result), null, 2)}\n`)
    return 0
  },
}
