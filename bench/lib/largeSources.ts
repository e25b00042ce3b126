/**
 * Large but ordinary source files for the import-under-load scenario: a PDF report of text
 * and photographs, and a long article as an HTML page, each of about the size asked for and
 * within every import cap (server/sources/limits.ts), so they parse to the end.
 */
import path from 'node:path'
import zlib from 'node:zlib'
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler'
import { article } from './article'
import { Prng } from './prng'

/** Typst's markup characters, which the article's text must not use as markup. */
const TYPST_MARKUP = /[#*_`$<>@\\[\]=~-]/g

/**
 * A PDF of about `bytes`: some forty pages of article text with a photograph (noise, which
 * no encoder can shrink, so the size is the photographs') after every few paragraphs.
 */
export function reportPdf(bytes: number): Uint8Array {
  const photos = 12
  const side = Math.floor(Math.sqrt((bytes * 0.97) / photos / 3))
  const paragraphs = article(15_000).map((p) => p.replace(TYPST_MARKUP, ' '))
  const compiler = NodeCompiler.create()
  try {
    for (let i = 0; i < photos; i++) {
      // Typst looks files up under its root, the working directory; nothing is written there.
      compiler.mapShadow(path.resolve(`photo${i}.png`), noisePng(side, side, i + 1))
    }
    const perPhoto = Math.ceil(paragraphs.length / photos)
    const markup = paragraphs
      .map((p, i) =>
        i % perPhoto === 0 && i / perPhoto < photos
          ? `#image("photo${i / perPhoto}.png", width: 80%)\n\n${p}`
          : p,
      )
      .join('\n\n')
    return new Uint8Array(compiler.pdf({ mainFileContent: markup }))
  } finally {
    compiler.evictCache(0)
  }
}

/** An article page of about `bytes` of HTML: headline, byline, paragraphs with quotations. */
export function articleHtml(bytes: number): Uint8Array {
  const paragraphs = article(10_000).map((p) => `<p>${escapeHtml(p)}</p>`)
  const once = paragraphs.join('\n')
  const body = once.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(once))))
  return new TextEncoder().encode(
    `<!doctype html><html><head><title>Harbour storm</title></head><body><article><h1>Harbour closed after storm</h1><p class="byline">By a staff reporter</p>\n${body}\n</article></body></html>`,
  )
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** An RGB PNG of random pixels. */
function noisePng(width: number, height: number, seed: number): Buffer {
  const prng = new Prng(seed)
  const rows = Buffer.alloc((width * 3 + 1) * height)
  for (let i = 0; i + 4 <= rows.length; i += 4) rows.writeUInt32LE((prng.next() * 2 ** 32) >>> 0, i)
  for (let y = 0; y < height; y++) rows[y * (width * 3 + 1)] = 0 // filter: none
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const out = Buffer.alloc(typed.length + 8)
  out.writeUInt32BE(data.length, 0)
  typed.copy(out, 4)
  out.writeUInt32BE(crc32(typed), typed.length + 4)
  return out
}

/** CRC-32 as PNG chunks use it (node:zlib's crc32 needs Node 22). */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff
  for (const byte of bytes) {
    crc ^= byte
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1
  }
  return (crc ^ 0xffffffff) >>> 0
}
