/**
 * [EXW] PDF typesetting runs in a worker thread (server/export/pdf/typstWorker.ts): real
 * thread, real Typst. The PDF and the errors are what they were on the main thread, the
 * main thread keeps serving while a long briefing typesets, and a thread that dies fails
 * only the export it was compiling.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { exportModel } from '../../bench/lib/exportModel'
import { ExportCompileError, Exporter, type ExportModel } from '../../server/export'
import { TEMPLATE_DIR, TypstRenderer } from '../../server/export/pdf/typstRenderer'
import { tempDir } from '../helpers/server'
import { pdfinfoPages, pdfText } from './read'

const CRASHING_ENTRY = new URL('./crashingTypstWorker.mjs', import.meta.url)

/** Closed after each test, so no thread outlives its test. */
const owned: { close(): Promise<void> }[] = []
function own<T extends { close(): Promise<void> }>(closable: T): T {
  owned.push(closable)
  return closable
}
afterEach(async () => {
  await Promise.all(owned.splice(0).map((closable) => closable.close()))
})

/** A one-paragraph model whose text is `text`. */
function smallModel(text: string): ExportModel {
  const model = exportModel(1)
  return { ...model, blocks: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }
}

/** A copy of the template folder with `extra` appended to briefing.typ. */
function templateWith(extra: string): string {
  const dir = tempDir('briefing-template-')
  const template = fs.readFileSync(path.join(TEMPLATE_DIR, 'briefing.typ'), 'utf8')
  fs.writeFileSync(path.join(dir, 'briefing.typ'), `${template}\n${extra}\n`)
  return dir
}

/**
 * Runs `work` while a 5 ms interval ticks, and returns the longest time between two ticks:
 * about the whole of `work` if it blocks the event loop, a few milliseconds if it does not.
 */
async function longestTickGap<T>(work: () => Promise<T>): Promise<{ result: T; gapMs: number }> {
  let last = performance.now()
  let gapMs = 0
  const ticker = setInterval(() => {
    const now = performance.now()
    gapMs = Math.max(gapMs, now - last)
    last = now
  }, 5)
  try {
    const result = await work()
    gapMs = Math.max(gapMs, performance.now() - last)
    return { result, gapMs }
  } finally {
    clearInterval(ticker)
  }
}

describe('PDF typesetting in a worker thread', () => {
  it('[EXW1] an export is a valid PDF with the briefing’s text, pages and creation date', async () => {
    const exporter = own(new Exporter())
    const rendered = await exporter.render(exportModel(3), 'pdf')
    expect(rendered.body.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(rendered.pages).toBe(pdfinfoPages(rendered.body))
    const { text } = await pdfText(rendered.body)
    expect(text).toContain('Section 3')
    // The creation date is the model's export time, so the same briefing gives the same file.
    expect(rendered.body.toString('latin1')).toMatch(/CreationDate\s*\(D:20240306140200/)
    const again = await exporter.render(exportModel(3), 'pdf')
    expect(Buffer.compare(again.body, rendered.body)).toBe(0)
  })

  it('[EXW2] compile errors keep Typst’s diagnostics; warnings of both kinds still arrive', async () => {
    const broken = own(new Exporter({ templateDir: templateWith('#let broken = (') }))
    const failure = await broken.render(smallModel('x'), 'pdf').catch((err: unknown) => err)
    expect(failure).toBeInstanceOf(ExportCompileError)
    expect((failure as ExportCompileError).diagnostics[0]).toMatchObject({
      severity: 'error',
      path: '__main__.typ',
    })
    expect((failure as ExportCompileError).message).toMatch(/unclosed delimiter/)

    const warned = own(
      new Exporter({ templateDir: templateWith('#text(font: "No Such Font")[x]') }),
    )
    const rendered = await warned.render(smallModel('Порт 中'), 'pdf')
    expect(rendered.warnings).toEqual([
      'no font has a glyph for U+4E2D "中" (once); it prints as a blank box',
      expect.stringMatching(/^typesetting: unknown font family: no such font/),
    ])
  })

  it('[EXW3] the event loop keeps turning while a 100-page briefing typesets', async () => {
    const exporter = own(new Exporter())
    // Cold (thread start, fonts, first compile), then warm with a paragraph changed.
    for (const model of [exportModel(195, 0), exportModel(195, 1)]) {
      const { result, gapMs } = await longestTickGap(() => exporter.render(model, 'pdf'))
      expect(result.pages).toBeGreaterThanOrEqual(90)
      // On the main thread the longest gap was the whole render (~1 s cold, ~250 ms warm);
      // what is left there is serialising the model and checking its glyphs.
      expect(gapMs, `gap ${gapMs} ms in a ${result.renderMs} ms render`).toBeLessThan(
        result.renderMs / 3,
      )
    }
  })

  it('[EXW4] a thread that dies fails its own export only, and the next starts a new one', async () => {
    const renderer = own(new TypstRenderer(TEMPLATE_DIR, { workerEntry: CRASHING_ENTRY }))
    expect((await renderer.render(smallModel('warm'))).pages).toBe(1)
    // Queued together: the first kills the thread, the second runs in a fresh one.
    const [exited, after] = await Promise.allSettled([
      renderer.render(smallModel('EXIT-THREAD')),
      renderer.render(smallModel('after the exit')),
    ])
    expect(exited.status).toBe('rejected')
    const exitError = (exited as PromiseRejectedResult).reason
    expect(exitError).toBeInstanceOf(ExportCompileError)
    expect(exitError.message).toBe(
      'PDF typesetting failed: the typesetting thread stopped with exit code 7',
    )
    expect(after.status).toBe('fulfilled')
    expect(
      (await pdfText((after as PromiseFulfilledResult<{ pdf: Buffer }>).value.pdf)).text,
    ).toContain('after the exit')

    const thrown = await renderer.render(smallModel('THROW-IN-THREAD')).catch((err) => err)
    expect(thrown).toBeInstanceOf(ExportCompileError)
    expect(thrown.message).toBe(
      'PDF typesetting failed: the typesetting thread stopped: thrown in the thread',
    )
    expect((await renderer.render(smallModel('after the throw'))).pages).toBe(1)
  })

  it('[EXW5] close() fails waiting exports and stops the thread; a later export restarts it', async () => {
    const exporter = own(new Exporter())
    const waiting = [
      exporter.render(smallModel('one'), 'pdf'),
      exporter.render(smallModel('two'), 'pdf'),
    ].map((render) => render.catch((err: unknown) => err))
    await exporter.close()
    for (const failure of await Promise.all(waiting)) {
      expect(failure).toBeInstanceOf(ExportCompileError)
      expect((failure as Error).message).toBe('PDF typesetting failed: the PDF exporter was closed')
    }
    expect((await exporter.render(smallModel('reopened'), 'pdf')).pages).toBe(1)
  })
})
