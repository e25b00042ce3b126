/**
 * [API1]-[API3] docs/API.md and the contract in shared/api say the same: the same routes, the
 * same request bodies, and the same error codes. Fails when either changes alone.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { ERROR_CODES } from '../../shared/api/errors'
import { ROUTES } from '../../shared/api/routes'

const API_MD = fs.readFileSync(path.resolve(__dirname, '..', '..', 'docs', 'API.md'), 'utf8')

interface DocRow {
  method: string
  path: string
  body: string
}

/** Rows of the route tables: `| METHOD | \`/api/...\` | body | ...`. */
function documentedRoutes(): DocRow[] {
  const rows: DocRow[] = []
  for (const line of API_MD.split('\n')) {
    const match = /^\|\s*(GET|POST|PUT|PATCH|DELETE)\s*\|\s*`([^`]+)`\s*\|(.*?)(?<!\\)\|/.exec(line)
    if (!match) continue
    const [, method, route, body] = match as unknown as [string, string, string, string]
    rows.push({ method, path: route.split('?')[0]!, body: body.trim() })
  }
  return rows
}

/** `{a, b?, c: 'x'}` as the sorted keys `a`, `b?`, `c`. */
function keysOfDoc(object: string): string {
  return object
    .replace(/^\{|\}$/g, '')
    .split(',')
    .map((part) => part.trim().replace(/:.*$/, '').trim())
    .filter(Boolean)
    .sort()
    .join(', ')
}

/** The documented body: each alternative (`\|`) as its sorted keys. */
function documentedBody(body: string): string[] {
  return [...body.replace(/`/g, '').matchAll(/\{[^}]*\}/g)].map((m) => keysOfDoc(m[0])).sort()
}

/** A request schema's keys the same way: `?` for a key the caller may leave out. */
function schemaBody(schema: z.ZodType | undefined): string[] {
  if (!schema) return []
  const def = (schema as unknown as { def: { type: string; options?: z.ZodType[] } }).def
  const variants = def.type === 'union' ? (def.options ?? []) : [schema]
  return variants
    .map((variant) => {
      const shape = (variant as unknown as { shape: Record<string, z.ZodType> }).shape
      return Object.entries(shape)
        .map(([key, field]) => (field.safeParse(undefined).success ? `${key}?` : key))
        .sort()
        .join(', ')
    })
    .sort()
}

describe('docs/API.md matches the contract', () => {
  it('[API1] documents exactly the routes the contract declares', () => {
    const documented = documentedRoutes().map((row) => `${row.method} ${row.path}`)
    const declared = ROUTES.map((route) => `${route.method} ${route.path}`)
    expect(new Set(documented).size).toBe(documented.length)
    expect([...documented].sort()).toEqual([...declared].sort())
  })

  it('[API2] documents each request body with the keys its schema takes', () => {
    const rows = new Map(documentedRoutes().map((row) => [`${row.method} ${row.path}`, row]))
    for (const route of ROUTES) {
      const row = rows.get(`${route.method} ${route.path}`)
      expect({ route: row?.path, body: documentedBody(row?.body ?? '') }).toEqual({
        route: route.path,
        body: schemaBody(route.body),
      })
    }
  })

  it('[API3] lists every error code once in its table, and names no other', () => {
    const section = API_MD.slice(API_MD.indexOf('## Error codes'))
    const table = section.slice(0, section.indexOf('\n## ', 1))
    const listed = [...table.matchAll(/^\|\s*`([a-z_]+)`\s*\|/gm)].map((m) => m[1])
    expect([...listed].sort()).toEqual([...ERROR_CODES].sort())
    // Anywhere else, a code next to a status ("403 `invite_only`", or a status table's
    // `| 413 | \`too_large\` |`) must be one of them.
    const named = [
      ...[...API_MD.matchAll(/\b[1-5]\d\d,? `([a-z][a-z_-]*)`/g)].map((m) => m[1]!),
      ...[...API_MD.matchAll(/^\|\s*[1-5]\d\d(?:,\s*\d{3})*\s*\|([^|]*)\|/gm)].flatMap((m) =>
        [...m[1]!.matchAll(/`([^`]+)`/g)].map((code) => code[1]!),
      ),
    ]
    expect(named.length).toBeGreaterThan(10)
    expect(named.filter((code) => !(ERROR_CODES as readonly string[]).includes(code))).toEqual([])
  })
})
