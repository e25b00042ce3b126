import { describe, expect, it } from 'vitest'
import type { AuditEntry } from '../../client/src/api/teams'
import { describeAudit } from '../../client/src/teams/auditText'

const names = new Map([
  ['u-ada', 'Ada Lovelace'],
  ['u-grace', 'Grace Hopper'],
])
const entry = (fields: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  at: '2025-01-01T00:00:00.000Z',
  actorId: 'u-ada',
  action: 'team.created',
  target: null,
  details: {},
  ...fields,
})

describe('audit log sentences', () => {
  it('names people by their name', () => {
    expect(
      describeAudit(
        entry({
          action: 'team.role_changed',
          target: 'u-grace',
          details: { from: 'member', to: 'admin' },
        }),
        names,
      ).summary,
    ).toBe('Ada Lovelace made Grace Hopper an admin (was a member)')
    expect(
      describeAudit(
        entry({ action: 'team.invited', target: 'new@example.org', details: { role: 'member' } }),
        names,
      ).summary,
    ).toBe('Ada Lovelace invited new@example.org as a member')
    expect(
      describeAudit(entry({ action: 'team.invite_revoked', target: 'new@example.org' }), names)
        .summary,
    ).toBe('Ada Lovelace revoked the invite for new@example.org')
  })

  it('links briefing events to the briefing, but not deleted ones', () => {
    const shared = describeAudit(
      entry({
        action: 'briefing.shared',
        target: 'b1',
        details: { userId: 'u-grace', role: 'viewer' },
      }),
      names,
    )
    expect(shared).toEqual({
      summary: 'Ada Lovelace shared a briefing with Grace Hopper: can view',
      briefingId: 'b1',
    })
    const deleted = describeAudit(
      entry({ action: 'briefing.deleted', target: 'b1', details: { title: 'Q3' } }),
      names,
    )
    expect(deleted).toEqual({ summary: 'Ada Lovelace deleted the briefing “Q3”', briefingId: null })
  })

  it('describes version events, naming the version that undoes a restore', () => {
    expect(
      describeAudit(
        entry({
          action: 'briefing.version_restored',
          target: 'b1',
          details: { version: 'abc1234567', before: 'def7654321' },
        }),
        names,
      ),
    ).toEqual({
      summary: 'Ada Lovelace restored version abc1234567 of a briefing (undo: restore def7654321)',
      briefingId: 'b1',
    })
    expect(
      describeAudit(
        entry({ action: 'briefing.version_saved', target: 'b1', details: { name: 'Tuesday' } }),
        names,
      ).summary,
    ).toBe('Ada Lovelace saved version “Tuesday” of a briefing')
  })

  it('describes people who left and events without an actor', () => {
    expect(describeAudit(entry({ actorId: 'u-gone', action: 'auth.login' }), names).summary).toBe(
      'a former member signed in',
    )
    expect(
      describeAudit(
        entry({ actorId: null, action: 'auth.login_failed', details: { email: 'x@example.org' } }),
        names,
      ).summary,
    ).toBe('Failed sign-in attempt for x@example.org')
    expect(
      describeAudit(entry({ action: 'team.member_removed', target: 'u-ada' }), names).summary,
    ).toBe('Ada Lovelace left the team')
  })

  it('describes account changes, under the name the person had before a rename', () => {
    const renamed = entry({
      action: 'auth.name_changed',
      target: 'u-ada',
      details: { from: 'Ada Byron', to: 'Ada Lovelace' },
    })
    expect(describeAudit(renamed, names).summary).toBe(
      'Ada Byron changed their name to Ada Lovelace',
    )
    expect(
      describeAudit(entry({ action: 'auth.password_changed', target: 'u-ada' }), names).summary,
    ).toBe('Ada Lovelace changed their password')
    expect(
      describeAudit(entry({ action: 'auth.password_change_failed', target: 'u-ada' }), names)
        .summary,
    ).toBe('Failed attempt to change the password of Ada Lovelace')
  })

  it('shows unknown actions as they are rather than hiding them', () => {
    expect(describeAudit(entry({ action: 'future.thing' }), names)).toEqual({
      summary: 'Ada Lovelace: future.thing',
      briefingId: null,
    })
  })
})
