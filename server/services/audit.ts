/** Writes audit entries for the services; an entry that cannot be written never fails the action. */
import { errorField } from '../log/logger'
import type { ServiceDeps } from './deps'

export interface AuditEntryInput {
  teamId: string | null
  action: string
  target?: string | null
  details?: Record<string, unknown>
}

/** Who did it, as the log records them: null for someone not (yet) known, e.g. a failed sign-in. */
export interface AuditBy {
  actorId: string | null
  ip: string | null
}

export async function recordAudit(
  deps: Pick<ServiceDeps, 'stores' | 'log' | 'now'>,
  by: AuditBy,
  entry: AuditEntryInput,
): Promise<void> {
  try {
    await deps.stores.audit.add({
      teamId: entry.teamId,
      at: deps.now().toISOString(),
      actorId: by.actorId,
      action: entry.action,
      target: entry.target ?? null,
      details: entry.details ?? {},
      ip: by.ip,
    })
  } catch (err) {
    deps.log.error('audit write failed', { action: entry.action, error: errorField(err) })
  }
}

/** The same entry in every team the user belongs to (account events, sign-ins). */
export async function auditEveryTeam(
  deps: Pick<ServiceDeps, 'stores' | 'log' | 'now'>,
  by: AuditBy,
  userId: string,
  entry: Omit<AuditEntryInput, 'teamId'>,
): Promise<void> {
  for (const team of await deps.stores.teams.listForUser(userId)) {
    await recordAudit(deps, by, { ...entry, teamId: team.id })
  }
}
