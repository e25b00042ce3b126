/**
 * `briefing extract FILE|URL...`: imports sources and prints each with its quotations as JSON on
 * stdout: one file gives one (indented) object, several give one object per line, each with a
 * leading `file` key. The output shape is a contract used by automated checks:
 * `{title, byline, publisher, publishedAt, url, body, quotes: [{text, speaker, speakerRole,
 * kind, start, end, paragraph, attribution}], terms, people}`; `attribution` holds the evidence
 * (`confidence`, `method`, `cue`, `introduced`, `suggestion`), `terms` the quoted titles and
 * terms not offered as quotations, `people` the people the text names.
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
      attribution: q.attribution ?? null,
    })),
    terms: result.terms,
    people: result.people,
  }
}

async function extractOne(target: string, io: CliIo) {
  const input = await inputFor(target, io)
  // Only test setups set it, to fetch from their own local server.
  const result = await importSource(input, {
    fetch: { allowLoopback: loopbackAllowedBy(io.env) },
  })
  return extractOutput(result)
}

function message(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ')
}

export const extractCommand: Command = {
  name: 'extract',
  summary: 'print sources (.txt, .html, .pdf, .docx or URLs) and their quotations as JSON',
  usage: 'FILE...',
  async run(args, io) {
    if (args.length === 0) {
      throw new CliError('extract takes one or more FILE arguments', USAGE_EXIT_CODE)
    }
    const [only] = args
    if (args.length === 1 && only !== undefined) {
      io.stdout(`${JSON.stringify(await extractOne(only, io), null, 2)}\n`)
      return 0
    }
    // Several files: one JSON object per line, in argument order, each naming its file; a file
    // that fails gets a line with its error (and one on stderr) and the rest go on.
    let failed = 0
    for (const target of args) {
      try {
        io.stdout(`${JSON.stringify({ file: target, ...(await extractOne(target, io)) })}\n`)
      } catch (error) {
        failed++
        io.stdout(`${JSON.stringify({ file: target, error: message(error) })}\n`)
        io.stderr(`briefing extract: ${target}: ${message(error)}\n`)
      }
    }
    return failed > 0 ? 1 : 0
  },
}
