/**
 * Builds the client once per test run, before any test file starts, and hands its folder
 * to the browser tests (`builtClient`). Building per file cost minutes on two cores, and
 * building here rather than in a hook keeps slow builds from timing hooks out.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'vite'
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    clientBuildDir: string
  }
}

export default async function setup(project: TestProject) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'briefing-e2e-client-'))
  const outDir = path.join(root, 'client')
  // Fresh from the sources, so a browser test never runs against a stale dist/.
  await build({
    configFile: path.resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false },
  })
  project.provide('clientBuildDir', outDir)
  return () => fs.rmSync(root, { recursive: true, force: true })
}
