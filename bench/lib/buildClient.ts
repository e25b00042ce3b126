/**
 * Builds the client as `npm run build` does, into `outDir`: a separate `vite build` process
 * with NODE_ENV=production, because under vitest (NODE_ENV=test) an in-process build bundles
 * React's development build, and the page weight of that is not what ships.
 */
import { execFileSync } from 'node:child_process'
import { REPO_ROOT } from './processes'

export function buildClient(outDir: string): void {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production', SOURCE_MAPS: '' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
