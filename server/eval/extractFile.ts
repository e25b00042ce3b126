/** Runs the product's importer on a file the way `briefing extract` does. */

import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'
import { extractOutput } from '../cli/commands/extract'
import { importSource } from '../sources'
import type { Extraction } from './scoreSource'

/** The extraction of one file (a `.gz` file is read unzipped, under its inner name). */
export async function extractFile(file: string): Promise<Extraction> {
  let bytes: Uint8Array = readFileSync(file)
  let filename = path.basename(file)
  if (filename.endsWith('.gz')) {
    bytes = gunzipSync(bytes)
    filename = filename.slice(0, -3)
  }
  return extractOutput(await importSource({ type: 'file', filename, bytes }))
}
