/** The body-extraction benchmark as text for people: product beside Readability.js. */

import type { BodyBenchmarkResult } from './bodyBenchmark'

const three = (n: number) => n.toFixed(3)

/** The benchmark's totals; `details` adds the pages where the product does worst. */
export function bodyBenchmarkReport(
  dir: string,
  result: BodyBenchmarkResult,
  details: boolean,
): string {
  const row = (name: string, s: BodyBenchmarkResult['product']) =>
    `${name.padEnd(16)}${three(s.f1).padStart(7)}${three(s.precision).padStart(11)}${three(s.recall).padStart(8)}`
  const lines = [
    `Body extraction on ${dir} (${result.pages} pages, 4-token shingles, page-averaged)`,
    `${'extractor'.padEnd(16)}${'F1'.padStart(7)}${'precision'.padStart(11)}${'recall'.padStart(8)}`,
    row('product', result.product),
    row('Readability.js', result.readability),
    `product: ${result.productMsPerPage.toFixed(1)} ms per page`,
  ]
  if (details) {
    const worst = [...result.perPage]
      .sort(
        (a, b) => a.product.precision + a.product.recall - (b.product.precision + b.product.recall),
      )
      .slice(0, 15)
    for (const page of worst) {
      lines.push(
        `  ${page.id.slice(0, 16)}: product P ${three(page.product.precision)} R ${three(page.product.recall)}, ` +
          `Readability.js P ${three(page.readability.precision)} R ${three(page.readability.recall)}`,
      )
    }
  }
  return lines.join('\n')
}
