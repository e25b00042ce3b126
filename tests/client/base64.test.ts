/** Base64 for uploads: the same bytes Node's encoder gives, for sizes across chunk boundaries. */
import { describe, expect, it } from 'vitest'
import { bytesToBase64, fileToBase64 } from '../../client/src/sources/base64'

describe('bytesToBase64', () => {
  it('matches Buffer for empty, small and multi-chunk inputs', () => {
    for (const size of [0, 1, 2, 3, 0x8000 - 1, 0x8000, 0x8000 * 3 + 7]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 31 + 7) & 0xff)
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'))
    }
  })

  it('reads a Blob', async () => {
    expect(await fileToBase64(new Blob(['héllo']))).toBe(Buffer.from('héllo').toString('base64'))
  })
})
