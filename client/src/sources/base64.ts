/** Base64 for file uploads, which the sources API takes inside a JSON body. */

// String.fromCharCode takes its bytes as arguments; this many stay under engines' argument limits.
const CHUNK = 0x8000

/** The standard (RFC 4648, padded) base64 form of `bytes`. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  }
  return btoa(binary)
}

/** Reads a file the user picked and returns its bytes as base64. */
export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()))
}
