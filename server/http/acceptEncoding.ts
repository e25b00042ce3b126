/**
 * Picks the content coding of a response from the request's Accept-Encoding (RFC 9110
 * §12.5.3), among the precompressed copies a file has. On equal weights the server's order
 * wins (brotli, then gzip, then the file itself): browsers list gzip first out of habit, not
 * preference.
 */

export type Coding = 'br' | 'gzip'
export type ChosenCoding = Coding | 'identity'

/** Smallest first. */
const SERVER_ORDER: readonly ChosenCoding[] = ['br', 'gzip', 'identity']

/**
 * The coding to send. A client that refuses everything on offer, identity included, still
 * gets the file as is: an unencoded body is the one every client can read, which is better
 * than a 406 the page cannot recover from.
 */
export function chooseCoding(
  header: string | undefined,
  available: readonly Coding[],
): ChosenCoding {
  // RFC 9110 lets a server pick any coding when there is no header, but clients that send
  // none (scripts, old proxies) are the ones least likely to decode one.
  if (header === undefined) return 'identity'
  const weights = parseWeights(header)
  // `*` stands for every coding not named; identity, unnamed and without `*`, is acceptable.
  const weight = (coding: ChosenCoding): number =>
    weights.get(coding) ?? weights.get('*') ?? (coding === 'identity' ? 1 : 0)
  let best: ChosenCoding = 'identity'
  let bestWeight = 0
  for (const coding of SERVER_ORDER) {
    if (coding !== 'identity' && !available.includes(coding)) continue
    const w = weight(coding)
    if (w > bestWeight) {
      best = coding
      bestWeight = w
    }
  }
  return best
}

/** `gzip;q=0.8, br` -> {gzip: 0.8, br: 1}. */
function parseWeights(header: string): Map<string, number> {
  const weights = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase())
    if (!name) continue
    let q = 1
    for (const param of params) {
      const match = /^q\s*=\s*([0-9.]+)$/.exec(param)
      if (match) q = Number(match[1])
    }
    weights.set(name === 'x-gzip' ? 'gzip' : name, q)
  }
  return weights
}
