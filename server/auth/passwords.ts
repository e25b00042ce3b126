/**
 * Password hashing with scrypt (memory-hard, in node:crypto). The stored form carries its
 * parameters, `scrypt$N$r$p$salt$hash`, so the cost can be raised without breaking old
 * hashes: a hash below the current cost verifies, is reported stale, and is replaced at the
 * next successful sign-in.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/** scrypt's cost parameters. */
export interface ScryptCost {
  /** CPU/memory cost, a power of two; memory is 128·N·r bytes. */
  N: number
  r: number
  p: number
}

/**
 * The production cost: N = 2^17, r = 8 (128 MiB and a few hundred milliseconds a hash), the
 * OWASP minimum for scrypt. Concurrent hashes are bounded by libuv's thread pool (4 by
 * default), so sign-ins cannot ask for more than about 512 MiB at once.
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 }

/** Above this a stored N is not ours: refusing it bounds the memory one hash can claim. */
const MAX_N = 2 ** 20
const KEY_LENGTH = 32

export interface PasswordCheck {
  ok: boolean
  /** The hash is right but cheaper than the current cost: store a new one. */
  stale: boolean
}

export class PasswordHasher {
  /** A hash to verify against when the e-mail is unknown (see `dummyHash`). */
  private dummy: Promise<string> | null = null

  constructor(readonly cost: ScryptCost = DEFAULT_SCRYPT_COST) {
    if (!Number.isInteger(Math.log2(cost.N)) || cost.N < 2 || cost.N > MAX_N) {
      throw new RangeError(`scrypt N must be a power of two up to ${MAX_N}, got ${cost.N}`)
    }
  }

  async hash(password: string): Promise<string> {
    const salt = randomBytes(16)
    const { N, r, p } = this.cost
    const key = await derive(password, salt, { N, r, p }, KEY_LENGTH)
    return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$')
  }

  async verify(password: string, stored: string): Promise<PasswordCheck> {
    const [scheme, n, r, p, salt, hash] = stored.split('$')
    const cost = { N: Number(n), r: Number(r), p: Number(p) }
    const usable =
      scheme === 'scrypt' &&
      !!salt &&
      !!hash &&
      Number.isInteger(Math.log2(cost.N)) &&
      cost.N <= MAX_N &&
      cost.r >= 1 &&
      cost.r <= 32 &&
      cost.p >= 1 &&
      cost.p <= 16
    if (!usable) return { ok: false, stale: false }
    const expected = Buffer.from(hash, 'base64url')
    const key = await derive(password, Buffer.from(salt, 'base64url'), cost, expected.length)
    const ok = key.length === expected.length && timingSafeEqual(key, expected)
    return { ok, stale: ok && weaker(cost, this.cost) }
  }

  /**
   * A hash of a random password at the current cost, made once: verifying against it when the
   * e-mail is unknown makes a failed sign-in take as long whether or not the account exists.
   */
  dummyHash(): Promise<string> {
    this.dummy ??= this.hash(randomBytes(16).toString('hex'))
    return this.dummy
  }
}

function weaker(a: ScryptCost, b: ScryptCost): boolean {
  return a.N * a.r * a.p < b.N * b.r * b.p
}

function derive(password: string, salt: Buffer, cost: ScryptCost, keylen: number): Promise<Buffer> {
  const { N, r, p } = cost
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      keylen,
      // scrypt needs 128·N·r bytes (128 MiB at the default cost); node refuses to start a hash
      // whose need passes `maxmem`, so the cap is twice the need, never the 32 MiB default.
      { N, r, p, maxmem: 2 * 128 * N * r },
      (err, key) => (err ? reject(err) : resolve(key)),
    )
  })
}
