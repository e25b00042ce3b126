/**
 * Caps on the collaboration sockets one user, and one client address, may hold open on this
 * instance. Each socket costs memory and a share of every broadcast, and red-teaming opened
 * 2,000 on one collab token. The upgrade takes a slot before it accepts a socket (refusing
 * with HTTP 429 when none is left) and the socket gives it back when it closes.
 */

/** Sockets allowed at once; 0 switches a cap off. */
export interface SocketLimits {
  perUser: number
  perAddress: number
}

/**
 * A tab holds one socket per open briefing, so 50 is many tabs for one person; an office
 * behind one NAT address shares 200.
 */
export const DEFAULT_SOCKET_LIMITS: SocketLimits = { perUser: 50, perAddress: 200 }

/** The open sockets per user and per address. */
export class SocketCounts {
  private readonly users = new Map<string, number>()
  private readonly addresses = new Map<string, number>()

  constructor(private readonly limits: SocketLimits) {}

  /** Takes a slot for a socket from `address`; null when the address has none left. */
  open(address: string): SocketSlot | null {
    if (!take(this.addresses, address, this.limits.perAddress)) return null
    return new SocketSlot(this, address)
  }

  /** @internal SocketSlot's: takes a user's slot. */
  takeUser(userId: string): boolean {
    return take(this.users, userId, this.limits.perUser)
  }

  /** @internal SocketSlot's: gives back what a slot took. */
  give(address: string, userId: string | null): void {
    give(this.addresses, address)
    if (userId !== null) give(this.users, userId)
  }
}

/** What one socket holds; given back once, however often `release` is called. */
export class SocketSlot {
  private userId: string | null = null
  private released = false

  constructor(
    private readonly counts: SocketCounts,
    private readonly address: string,
  ) {}

  /**
   * Adds the user's slot; false when the user has none left, or the socket closed while it
   * was being authorised (its slot is already given back, and would never be again).
   */
  forUser(userId: string): boolean {
    if (this.released || !this.counts.takeUser(userId)) return false
    this.userId = userId
    return true
  }

  /** Gives the slots back. */
  release(): void {
    if (this.released) return
    this.released = true
    this.counts.give(this.address, this.userId)
  }
}

function take(counts: Map<string, number>, key: string, limit: number): boolean {
  const count = counts.get(key) ?? 0
  if (limit > 0 && count >= limit) return false
  counts.set(key, count + 1)
  return true
}

function give(counts: Map<string, number>, key: string): void {
  const count = (counts.get(key) ?? 1) - 1
  if (count <= 0) counts.delete(key)
  else counts.set(key, count)
}
