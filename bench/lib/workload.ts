/**
 * The shared editing workload: a document of paragraphs that editors type fixed-width tokens
 * into. Every editor's Yjs client id is `CLIENT_ID_BASE + editor index` and every edit inserts
 * exactly TOKEN_LENGTH characters, so a receiver reads which edits an update carries from
 * the update's clock range alone (`Y.parseUpdateMeta`): edit k of editor c ends at clock
 * (k + 1) * TOKEN_LENGTH. Edit k of editor c is scheduled at `t0 + (k * n + c) * interval / n`,
 * spreading the n editors evenly over each interval, so the schedule is known to every process
 * and latency is measured from the scheduled time, not from when the sender got round to it.
 */
import * as Y from 'yjs'
import { Prng } from './prng'

export const DOCUMENT_FRAGMENT = 'default'
export const CLIENT_ID_BASE = 1_000_000
/** Client id of the client that writes the starting paragraphs. */
export const SEEDER_CLIENT_ID = 1
export const TOKEN_LENGTH = 10
const MAX_INDEX = 9_999

/** `cccc:kkkk ` — editor index and edit number, fixed width. */
export function editToken(editor: number, seq: number): string {
  if (editor > MAX_INDEX || seq > MAX_INDEX) {
    throw new RangeError(`edit token out of range: editor ${editor}, seq ${seq}`)
  }
  return `${String(editor).padStart(4, '0')}:${String(seq).padStart(4, '0')} `
}

export interface Schedule {
  /** Monotonic ms of slot 0. */
  t0: number
  editors: number
  intervalMs: number
  /** Edits per editor. */
  editsPerEditor: number
}

export function scheduledAt(schedule: Schedule, editor: number, seq: number): number {
  return schedule.t0 + ((seq * schedule.editors + editor) * schedule.intervalMs) / schedule.editors
}

/** Writes `count` paragraphs of seeded text into an empty doc. */
export function seedParagraphs(doc: Y.Doc, count: number, seed: number): void {
  const prng = new Prng(seed)
  const words = ['analyst', 'harbor', 'report', 'source', 'minister', 'said', 'the', 'quote']
  doc.transact(() => {
    const fragment = doc.getXmlFragment(DOCUMENT_FRAGMENT)
    const paragraphs: Y.XmlElement[] = []
    for (let i = 0; i < count; i++) {
      const text = Array.from({ length: 8 }, () => prng.pick(words)).join(' ')
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(`${text}. `)])
      paragraphs.push(paragraph)
    }
    fragment.insert(0, paragraphs)
  })
}

/** The paragraphs' texts, in order, for typing into. */
export function paragraphTexts(doc: Y.Doc): Y.XmlText[] {
  return doc
    .getXmlFragment(DOCUMENT_FRAGMENT)
    .toArray()
    .flatMap((node) => (node instanceof Y.XmlElement ? [node.get(0)] : []))
    .filter((child): child is Y.XmlText => child instanceof Y.XmlText)
}

/** One editor's typing: a seeded paragraph and offset for each edit. */
export class Typist {
  private readonly prng: Prng
  /** The paragraphs never change during a run, so they are looked up once. */
  private texts: Y.XmlText[] = []

  constructor(
    private readonly doc: Y.Doc,
    readonly editor: number,
    seed: number,
  ) {
    this.prng = new Prng((seed ^ Math.imul(editor + 1, 0x9e3779b1)) >>> 0)
  }

  type(seq: number): void {
    if (this.texts.length === 0) this.texts = paragraphTexts(this.doc)
    if (this.texts.length === 0) throw new Error('the document has no paragraphs to type into')
    const text = this.prng.pick(this.texts)
    text.insert(this.prng.int(text.length + 1), editToken(this.editor, seq))
  }
}

/** Edits of each editor an update completes: editor index → edit count so far. */
export function editsIn(update: Uint8Array, editors: number): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const [client, clock] of Y.parseUpdateMeta(update).to) {
    const editor = client - CLIENT_ID_BASE
    if (editor >= 0 && editor < editors) out.push([editor, Math.floor(clock / TOKEN_LENGTH)])
  }
  return out
}
