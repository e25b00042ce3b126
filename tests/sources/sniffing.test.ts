/**
 * What the libraries took over from hand-written code do for an import: chardet names the
 * legacy code page of undeclared text that is not UTF-8, chrono-node reads dates however a
 * header or meta tag writes them (and leaves ambiguous all-numeric ones alone), file-type names
 * the binary format of a file that is no document.
 */

import { describe, expect, it } from 'vitest'
import { importSource } from '../../server/sources'
import { dateFromMetadata, findDate } from '../../server/sources/dates'

/** Russian text in windows-1251, which maps А-я (U+0410-U+044F) to the bytes 0xC0-0xFF. */
function windows1251(text: string): Uint8Array {
  return Uint8Array.from(
    [...text].map((ch) => {
      const code = ch.charCodeAt(0)
      if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0
      if (code < 0x80) return code
      throw new Error(`no windows-1251 byte for ${ch} in this test`)
    }),
  )
}

const RUSSIAN =
  'Портовые рабочие в Генуе проголосовали в воскресенье за прекращение забастовки, которая длилась двенадцать дней. ' +
  'Оператор порта заявил, что соглашение обойдется ему примерно в девять миллионов евро в год. ' +
  'Президент портового управления сказала, что очередь судов будет разобрана не раньше чем через две недели.'

describe('charset of undeclared text', () => {
  it('reads windows-1251 Cyrillic that declares no charset', async () => {
    const result = await importSource({
      type: 'file',
      filename: 'genoa.txt',
      bytes: windows1251(RUSSIAN),
    })
    expect(result.paragraphs.join(' ')).toBe(RUSSIAN)
  })

  it('still reads UTF-8 as UTF-8', async () => {
    const result = await importSource({
      type: 'file',
      filename: 'genoa.txt',
      bytes: new TextEncoder().encode(RUSSIAN),
    })
    expect(result.paragraphs.join(' ')).toBe(RUSSIAN)
  })
})

describe('dates', () => {
  it('reads the date a timestamp was written on, in the forms pages use', () => {
    expect(dateFromMetadata('Fri Mar 13 21:30:09 EST 2015')).toBe('2015-03-13')
    expect(dateFromMetadata('2026-10-19T01:00+05:00')).toBe('2026-10-19')
    expect(findDate('PUBLISHED: 10:48, Tue, Nov 19, 2019')?.iso).toBe('2019-11-19')
    expect(findDate('Talvo City, 12 November 2026')?.iso).toBe('2026-11-12')
  })

  it('finds no date where the day, the month or the order is not written plainly', () => {
    expect(findDate('He said on Monday that the talks would resume.')).toBeNull()
    expect(findDate('In May 2019, the talks resumed.')).toBeNull()
    expect(findDate('Filed 05/10/2018')).toBeNull()
  })
})

describe('file types', () => {
  it('names the format of a picture sent as a text file', async () => {
    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0,
      1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
    ])
    await expect(
      importSource({ type: 'file', filename: 'notes.txt', bytes: png }),
    ).rejects.toMatchObject({ code: 'unsupported-format', message: /notes\.txt is image\/png/ })
  })
})
