import { describe, expect, it } from 'vitest'
import {
  type ConnectionEvent,
  type ConnectionState,
  closeDisposition,
  initialConnectionState,
  isEditable,
  nextConnectionState,
} from '../../client/src/editor/connectionState'
import { CloseCode } from '../../shared/protocol'

const run = (...events: ConnectionEvent[]): ConnectionState =>
  events.reduce(nextConnectionState, initialConnectionState)

describe('connection state', () => {
  it('is connecting and read-only until the first sync', () => {
    expect(run()).toEqual({ kind: 'connecting', failedAttempts: 0 })
    expect(isEditable(run())).toBe(false)
    expect(run({ type: 'socket-closed', code: 1006 })).toEqual({
      kind: 'connecting',
      failedAttempts: 1,
    })
  })

  it('is connected and editable after a sync', () => {
    expect(run({ type: 'synced' })).toEqual({ kind: 'connected' })
    expect(isEditable(run({ type: 'synced' }))).toBe(true)
  })

  it('goes offline, stays editable and remembers unsynced edits when the socket drops', () => {
    const offline = run({ type: 'synced' }, { type: 'socket-closed', code: 1006 })
    expect(offline).toEqual({ kind: 'offline', unsyncedEdits: false, serverRestarting: false })
    expect(isEditable(offline)).toBe(true)
    expect(nextConnectionState(offline, { type: 'local-edit' })).toMatchObject({
      unsyncedEdits: true,
    })
  })

  it("shows this device's copy before the first sync, and says offline once the server is out of reach", () => {
    const local = run({ type: 'local-copy-loaded' })
    expect(local).toEqual({ kind: 'local' })
    expect(isEditable(local)).toBe(true)
    expect(nextConnectionState(local, { type: 'synced' })).toEqual({ kind: 'connected' })
    expect(nextConnectionState(local, { type: 'socket-closed', code: 1006 })).toEqual({
      kind: 'offline',
      unsyncedEdits: false,
      serverRestarting: false,
    })
    // Already failed to connect (a reload offline): offline at once.
    expect(run({ type: 'socket-closed', code: 1006 }, { type: 'local-copy-loaded' })).toMatchObject(
      { kind: 'offline' },
    )
    // A copy arriving after the server's sync changes nothing.
    expect(run({ type: 'synced' }, { type: 'local-copy-loaded' })).toEqual({ kind: 'connected' })
    expect(run({ type: 'local-copy-loaded' }, { type: 'signed-out' })).toMatchObject({
      kind: 'signed-out',
      synced: true,
    })
  })

  it('says the server is restarting on close code 1012', () => {
    const state = run(
      { type: 'synced' },
      { type: 'socket-closed', code: CloseCode.ServerRestarting },
    )
    expect(state).toMatchObject({ kind: 'offline', serverRestarting: true })
  })

  it('is connected again after a resync', () => {
    const state = run(
      { type: 'synced' },
      { type: 'socket-closed', code: 1006 },
      { type: 'local-edit' },
      { type: 'synced' },
    )
    expect(state).toEqual({ kind: 'connected' })
  })

  it('ignores local edits while connected', () => {
    const connected = run({ type: 'synced' })
    expect(nextConnectionState(connected, { type: 'local-edit' })).toBe(connected)
  })

  it('keeps a loaded document editable while signed out, and resumes on sign-in', () => {
    const signedOut = run(
      { type: 'synced' },
      { type: 'socket-closed', code: CloseCode.Unauthorized },
      { type: 'signed-out' },
    )
    expect(signedOut).toEqual({ kind: 'signed-out', synced: true, unsyncedEdits: false })
    expect(isEditable(signedOut)).toBe(true)
    const edited = nextConnectionState(signedOut, { type: 'local-edit' })
    expect(edited).toMatchObject({ unsyncedEdits: true })
    // Retries that fail while signed out do not leave the state.
    expect(nextConnectionState(edited, { type: 'socket-closed', code: 1006 })).toBe(edited)
    const resumed = nextConnectionState(edited, { type: 'signed-in' })
    expect(resumed).toEqual({ kind: 'offline', unsyncedEdits: true, serverRestarting: false })
    expect(nextConnectionState(resumed, { type: 'synced' })).toEqual({ kind: 'connected' })
  })

  it('does not offer editing when the session ended before the first sync', () => {
    const signedOut = run({ type: 'signed-out' })
    expect(signedOut).toEqual({ kind: 'signed-out', synced: false, unsyncedEdits: false })
    expect(isEditable(signedOut)).toBe(false)
    expect(nextConnectionState(signedOut, { type: 'signed-in' })).toEqual(initialConnectionState)
  })

  it('ignores sign-in when it was not signed out', () => {
    const connected = run({ type: 'synced' })
    expect(nextConnectionState(connected, { type: 'signed-in' })).toBe(connected)
  })

  it('treats closed as final', () => {
    const closed = run({ type: 'synced' }, { type: 'closed-for-good', reason: 'deleted' })
    expect(closed).toEqual({ kind: 'closed', reason: 'deleted' })
    expect(isEditable(closed)).toBe(false)
    expect(nextConnectionState(closed, { type: 'synced' })).toBe(closed)
  })
})

describe('close disposition', () => {
  it.each([
    [CloseCode.BriefingNotFound, 'deleted'],
    [CloseCode.Forbidden, 'forbidden'],
    [CloseCode.MalformedMessage, 'rejected'],
    [CloseCode.MessageTooBig, 'rejected'],
    [CloseCode.InvalidContent, 'invalid-content'],
  ])('stops on %i (%s)', (code, reason) => {
    expect(closeDisposition(code)).toBe(reason)
  })

  it('asks to sign in on 4401', () => {
    expect(closeDisposition(CloseCode.Unauthorized)).toBe('sign-in')
  })

  it.each([
    CloseCode.ServerRestarting,
    CloseCode.RateLimited,
    CloseCode.InternalError,
    CloseCode.LoadFailed,
    CloseCode.WriteBacklogFull,
    CloseCode.SlowReader,
    CloseCode.WriteAccessGranted,
    1000,
    1006,
    4999,
  ])('retries on %i', (code) => {
    expect(closeDisposition(code)).toBe('retry')
  })
})
