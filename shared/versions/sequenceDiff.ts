/**
 * The longest-common-subsequence alignment of two sequences of keys, as runs of kept,
 * deleted and inserted items. Shared by the block and word levels of a version compare
 * (./diff.ts). Common prefixes and suffixes are taken first, so the usual compare (a few
 * paragraphs changed in a long briefing) aligns only the changed middle.
 */

/** One step of an alignment: `a` and `b` index the two inputs (-1 where the side has none). */
export type AlignStep =
  | { op: 'same'; a: number; b: number }
  | { op: 'deleted'; a: number }
  | { op: 'inserted'; b: number }

/**
 * Largest middle part (rows × columns) aligned exactly; past it, the middle is reported as
 * deleted then inserted. Keeps a compare of two unrelated 200,000-character documents
 * bounded in memory (16 M cells of Uint32 = 64 MiB at worst is too much; 4 M is 16 MiB).
 */
export const MAX_ALIGN_CELLS = 4_000_000

export function alignSequences(a: readonly string[], b: readonly string[]): AlignStep[] {
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const steps: AlignStep[] = []
  for (let i = 0; i < start; i++) steps.push({ op: 'same', a: i, b: i })
  steps.push(...alignMiddle(a, b, start, endA, start, endB))
  for (let i = 0; endA + i < a.length; i++) steps.push({ op: 'same', a: endA + i, b: endB + i })
  return steps
}

function alignMiddle(
  a: readonly string[],
  b: readonly string[],
  fromA: number,
  toA: number,
  fromB: number,
  toB: number,
): AlignStep[] {
  const rows = toA - fromA
  const cols = toB - fromB
  const steps: AlignStep[] = []
  if (rows === 0 || cols === 0 || (rows + 1) * (cols + 1) > MAX_ALIGN_CELLS) {
    for (let i = fromA; i < toA; i++) steps.push({ op: 'deleted', a: i })
    for (let j = fromB; j < toB; j++) steps.push({ op: 'inserted', b: j })
    return steps
  }
  // lengths[i][j]: LCS length of a[fromA+i..toA) and b[fromB+j..toB), filled from the end so
  // the walk below reads forwards.
  const width = cols + 1
  const lengths = new Uint32Array((rows + 1) * width)
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = cols - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[fromA + i] === b[fromB + j]
          ? lengths[(i + 1) * width + j + 1]! + 1
          : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!)
    }
  }
  let i = 0
  let j = 0
  while (i < rows && j < cols) {
    if (a[fromA + i] === b[fromB + j]) {
      steps.push({ op: 'same', a: fromA + i++, b: fromB + j++ })
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) {
      steps.push({ op: 'deleted', a: fromA + i++ })
    } else {
      steps.push({ op: 'inserted', b: fromB + j++ })
    }
  }
  while (i < rows) steps.push({ op: 'deleted', a: fromA + i++ })
  while (j < cols) steps.push({ op: 'inserted', b: fromB + j++ })
  return steps
}
