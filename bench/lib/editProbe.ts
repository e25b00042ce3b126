/**
 * Edit round-trip latency between two real y-websocket clients of one briefing: the writer
 * types a short token into a paragraph every `intervalMs`, and the time from its local edit
 * to the reader applying it (writer → server → reader) is one sample. One edit is in flight
 * at a time, and a late edit is sent as soon as the previous one arrived, so a stalled server
 * shows as one long sample for the stall rather than as edits piling up behind it.
 */
import * as Y from 'yjs'
import { type BenchClient, type DocAccess, openClient } from './clients'
import { delay, monoMs, withTimeout } from './clock'
import { Histogram, type LatencySummary } from './histogram'
import { DOCUMENT_FRAGMENT } from './workload'

export class EditProbe {
  private sent = 0

  private constructor(
    private readonly writer: BenchClient,
    private readonly reader: BenchClient,
    private readonly writerText: Y.XmlText,
    private readonly readerText: () => Y.XmlText | undefined,
  ) {}

  /** Two synced clients of `access` on the server at `wsUrl`, with one paragraph to type in. */
  static async open(wsUrl: string, access: DocAccess): Promise<EditProbe> {
    const writer = openClient('briefing', wsUrl, access, new Y.Doc())
    const reader = openClient('briefing', wsUrl, access, new Y.Doc())
    await withTimeout(Promise.all([writer.whenSynced(), reader.whenSynced()]), 30_000, 'sync')
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText('')
    paragraph.insert(0, [text])
    writer.doc.getXmlFragment(DOCUMENT_FRAGMENT).insert(0, [paragraph])
    const readerText = () => {
      const first = reader.doc.getXmlFragment(DOCUMENT_FRAGMENT).get(0)
      const child = first instanceof Y.XmlElement ? first.get(0) : undefined
      return child instanceof Y.XmlText ? child : undefined
    }
    const probe = new EditProbe(writer, reader, text, readerText)
    await withTimeout(probe.arrival(0), 30_000, 'the probe paragraph reaching the reader')
    return probe
  }

  /** Edits every `intervalMs` for `durationMs`; the summary of the round trips. */
  async measure(durationMs: number, intervalMs: number): Promise<LatencySummary> {
    const histogram = new Histogram()
    const end = monoMs() + durationMs
    let next = monoMs()
    while (monoMs() < end) {
      await delay(next - monoMs())
      const token = `e${this.sent++} `
      const expected = this.writerText.length + token.length
      const sentAt = monoMs()
      const arrived = this.arrival(expected)
      this.writerText.insert(this.writerText.length, token)
      await withTimeout(arrived, 120_000, 'an edit reaching the other client')
      histogram.record(monoMs() - sentAt)
      next += intervalMs
    }
    return histogram.summary()
  }

  close(): void {
    this.writer.destroy()
    this.reader.destroy()
  }

  /** Resolves once the reader's paragraph holds `length` characters. */
  private arrival(length: number): Promise<void> {
    const doc = this.reader.doc
    return new Promise((resolve) => {
      const check = () => {
        if ((this.readerText()?.length ?? -1) < length) return
        doc.off('afterTransaction', check)
        resolve()
      }
      doc.on('afterTransaction', check)
      check()
    })
  }
}
