/**
 * Password hashing with scrypt (memory-hard, in node:crypto). The stored form carries its
 * parameters, `scrypt$N$r$p$salt$hash`, so they can be raised later without breaking old
 * hashes.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

const PARAMS = { N: 2 ** 15, r: 8, p: 1, keylen: 32 }

function derive(
  password: string,
  salt: Buffer,
  N: number,
  r: number,
  p: number,
  keylen: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      keylen,
      { N, r, p, maxmem: 128 * N * r * 2 },
      (err, key) => (err ? reject(err) : resolve(key)),
    )
  })
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16)
  const { N, r, p, keylen } = PARAMS
  const key = await derive(password, salt, N, r, p, keylen)
  return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const key = await derive(
    password,
    Buffer.from(salt, 'base64url'),
    Number(n),
    Number(r),
    Number(p),
    expected.length,
  )
  return timingSafeEqual(key, expected)
}

/**
 * A hash to verify against when the e-mail is unknown, so a failed sign-in takes as long
 * whether or not the account exists.
 */
export function dummyPasswordHash(): Promise<string> {
  return hashPassword(randomBytes(16).toString('hex'))
}
