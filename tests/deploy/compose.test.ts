/** [DEP] The deployment files are valid and describe the scaled-out topology. */
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

interface ComposeService {
  environment: Record<string, string>
  healthcheck?: { test: string[] }
  depends_on: Record<string, unknown>
  volumes: unknown[]
}
interface ComposeFile {
  services: Record<string, ComposeService>
  volumes: Record<string, unknown>
}

function composeConfig(): ComposeFile {
  const probe = spawnSync('docker-compose', ['version'], { encoding: 'utf8' })
  if (probe.error) {
    throw new Error(
      'docker-compose is not installed: run `apt-get install -y docker-compose` (.ci/run does)',
    )
  }
  // `config` validates the file against the compose schema without a Docker engine.
  const out = execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], {
    encoding: 'utf8',
  })
  return parse(out) as ComposeFile
}

describe('deployment', () => {
  it('[DEP1] docker-compose.yml validates and runs postgres, redis, two app instances and a proxy', () => {
    const config = composeConfig()
    expect(Object.keys(config.services).sort()).toEqual([
      'app1',
      'app2',
      'postgres',
      'proxy',
      'redis',
    ])
    for (const name of ['app1', 'app2']) {
      const app = config.services[name]!
      expect(app.environment.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//)
      expect(app.environment.REDIS_URL).toBe('redis://redis:6379')
      expect(app.healthcheck?.test.join(' ')).toContain('/healthz')
      expect(Object.keys(app.depends_on).sort()).toEqual(['postgres', 'redis'])
    }
    for (const name of ['postgres', 'redis', 'proxy'])
      expect(config.services[name]?.healthcheck).toBeDefined()
    expect(config.services.postgres?.volumes.length).toBeGreaterThan(0)
    expect(config.volumes).toHaveProperty('postgres-data')
  })

  it('[DEP2] the proxy forwards WebSocket upgrades to both instances without sticky sessions', () => {
    const nginx = fs.readFileSync('deploy/nginx.conf', 'utf8')
    expect(nginx).toMatch(/server app1:3000/)
    expect(nginx).toMatch(/server app2:3000/)
    expect(nginx).toMatch(/proxy_set_header Upgrade \$http_upgrade/)
    expect(nginx).toMatch(/proxy_set_header Connection \$connection_upgrade/)
    const directives = nginx.split('\n').filter((line) => !line.trim().startsWith('#'))
    expect(directives.join('\n')).not.toMatch(/ip_hash|sticky/)
  })

  it('[DEP3] the image is multi-stage, installs production dependencies only and runs as non-root', () => {
    const dockerfile = fs.readFileSync('Dockerfile', 'utf8')
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2)
    expect(dockerfile).toMatch(/npm ci --omit=dev/)
    expect(dockerfile).toMatch(/^USER node$/m)
    expect(fs.existsSync('.env.example')).toBe(true)
  })
})
