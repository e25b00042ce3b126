/**
 * How many source imports each user has in flight. The import threads' queue is shared by the
 * whole instance; without a share per user, one account could keep it full and every other
 * user's imports would be refused for as long as it cared to.
 */

export class ImportsPerUser {
  /** Imports in flight by user id; a user with none has no entry. */
  private readonly inFlight = new Map<string, number>()

  constructor(readonly limit: number) {}

  /** Takes a slot for `userId`: the function that gives it back, or null if none is free. */
  take(userId: string): (() => void) | null {
    const count = this.inFlight.get(userId) ?? 0
    if (count >= this.limit) return null
    this.inFlight.set(userId, count + 1)
    let released = false
    return () => {
      if (released) return
      released = true
      const left = (this.inFlight.get(userId) ?? 1) - 1
      if (left === 0) this.inFlight.delete(userId)
      else this.inFlight.set(userId, left)
    }
  }
}
