/**
 * Readers for fields of response bodies. Each checks one field and throws an error naming it
 * (`team.members[2].role is not one of admin, member`), which `requestJson` reports as a bad
 * response instead of letting a malformed value crash a page later.
 */
import { isRecord } from './http'

type Fields = Record<string, unknown>

/** `value` as an object; `what` names it in the error. */
export function objectAt(value: unknown, what: string): Fields {
  if (!isRecord(value)) throw new Error(`${what} is not an object`)
  return value
}

export function stringAt(fields: Fields, key: string, what: string): string {
  const value = fields[key]
  if (typeof value !== 'string') throw new Error(`${what}.${key} is not a string`)
  return value
}

export function nullableStringAt(fields: Fields, key: string, what: string): string | null {
  return fields[key] === null ? null : stringAt(fields, key, what)
}

export function booleanAt(fields: Fields, key: string, what: string): boolean {
  const value = fields[key]
  if (typeof value !== 'boolean') throw new Error(`${what}.${key} is not a boolean`)
  return value
}

export function numberAt(fields: Fields, key: string, what: string): number {
  const value = fields[key]
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${what}.${key} is not a number`)
  }
  return value
}

/** A string field that must be one of `allowed`. */
export function oneOfAt<T extends string>(
  fields: Fields,
  key: string,
  what: string,
  allowed: readonly T[],
): T {
  const value = fields[key]
  if (!allowed.includes(value as T)) {
    throw new Error(`${what}.${key} ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`)
  }
  return value as T
}

/** An array field, each element read by `item` (given its own name for errors). */
export function arrayAt<T>(
  fields: Fields,
  key: string,
  what: string,
  item: (value: unknown, what: string) => T,
): T[] {
  const value = fields[key]
  if (!Array.isArray(value)) throw new Error(`${what}.${key} is not a list`)
  return value.map((element, i) => item(element, `${what}.${key}[${i}]`))
}
