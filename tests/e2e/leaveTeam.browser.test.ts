/**
 * Leaving a team from its page through the confirm dialog: a real server and the built client in
 * real Chromium, under a strict CSP. Each test builds its own team through the API (an admin
 * creates it, invites someone, who accepts), so the tests do not depend on one another, and each
 * checks what the server says as well as what the page shows.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../helpers/server'
import { createBriefingAs, signUp, type TestUser } from '../helpers/users'
import { builtClient, launchChromium, openTrackedPage } from './browser'
import { failNextDelete, holdNextRequest } from './networkFaults'

// Expected noise: the browser logs every failed response, and one test makes a leave fail.
const EXPECTED_CONSOLE = /Failed to load resource: the server responded with a status of (404|503)/
const LAST_ADMIN_NOTE = 'You are the only admin. Make someone else an admin before you leave.'

interface TeamDetailBody {
  members: { userId: string; role: string }[]
}

describe('leaving a team in the browser', () => {
  let browser: Browser
  let server: TestServer
  let admin: TestUser
  const contexts: BrowserContext[] = []
  const pageErrors: string[] = []
  let teamCount = 0

  beforeAll(async () => {
    browser = await launchChromium()
    server = await startTestServer({ clientDir: builtClient() })
    admin = await signUp(server.url, { name: 'Ines Admin' })
  })

  afterAll(async () => {
    for (const context of contexts) await context.close()
    await browser?.close()
    await server?.close()
    expect(pageErrors.filter((e) => !EXPECTED_CONSOLE.test(e))).toEqual([])
  })

  /**
   * A team made by the admin through the API, a member who joined it from an invite, and a
   * briefing of the team that the member can open.
   */
  async function teamWithMember(memberName: string) {
    teamCount += 1
    const teamName = `Desk ${teamCount}`
    const created = await admin.api('/api/teams', { method: 'POST', body: { name: teamName } })
    expect(created.status).toBe(201)
    const teamId = ((await created.json()) as { id: string }).id

    const member = await signUp(server.url, { name: memberName })
    const invite = await admin.api(`/api/teams/${teamId}/invites`, {
      method: 'POST',
      body: { email: member.email },
    })
    expect(invite.status).toBe(201)
    const { token } = (await invite.json()) as { token: string }
    const accepted = await member.api(`/api/invites/${token}/accept`, { method: 'POST' })
    expect(accepted.status).toBe(200)

    const briefingId = await createBriefingAs(admin, `${teamName} notes`, { teamId })
    expect((await member.api(`/api/briefings/${briefingId}`)).status).toBe(200)
    expect(await memberIds(teamId)).toContain(member.id)
    return { teamId, teamName, member, briefingId }
  }

  /** The team's members as its admin reads them from the server. */
  async function memberIds(teamId: string): Promise<string[]> {
    const res = await admin.api(`/api/teams/${teamId}`)
    expect(res.status).toBe(200)
    return ((await res.json()) as TeamDetailBody).members.map((m) => m.userId)
  }

  /** A page signed in as `user`, and every DELETE it sends, for checking what reached the wire. */
  async function openPageAs(user: TestUser, label: string) {
    const page = await openTrackedPage(browser, server.url, user, label, {
      contexts,
      errors: pageErrors,
    })
    const deletes: string[] = []
    page.on('request', (request) => {
      if (request.method() === 'DELETE') deletes.push(new URL(request.url()).pathname)
    })
    return { page, deletes }
  }

  async function openTeamPage(page: Page, teamId: string, teamName: string) {
    await page.goto(`/teams/${teamId}`)
    await page.getByRole('heading', { name: teamName, level: 1 }).waitFor()
  }

  const leaveButton = (page: Page, teamName: string) =>
    page.getByRole('button', { name: `Leave ${teamName}`, exact: true })
  const leaveDialog = (page: Page, teamName: string) =>
    page.getByRole('dialog', { name: `Leave ${teamName}?` })

  async function askToLeave(page: Page, teamName: string) {
    await leaveButton(page, teamName).click()
    const dialog = leaveDialog(page, teamName)
    await dialog.getByText(`You lose access to ${teamName}’s briefings at once`).waitFor()
    return dialog
  }

  /** The page has left the team: on the list, personal team current, the team nowhere. */
  async function expectLandedOnPersonalList(page: Page, teamName: string) {
    await page.waitForURL((url) => url.pathname === '/')
    await page.getByRole('heading', { name: 'Your briefings', level: 1 }).waitFor()
    expect(await leaveDialog(page, teamName).count()).toBe(0)
    const switcher = page.getByRole('button', { name: /^Team: / })
    expect(await switcher.getAttribute('aria-label')).toMatch(/^Team: Personal\b/)
    await switcher.click()
    const personal = page.getByRole('menuitemradio', { name: 'Personal' })
    await personal.waitFor()
    expect(await personal.getAttribute('aria-checked')).toBe('true')
    const left = page.getByRole('menuitemradio', { name: teamName })
    expect(await left.count(), 'the team left is still in the switcher').toBe(0)
    await page.keyboard.press('Escape')
    await expect.poll(() => personal.count()).toBe(0)
  }

  /** The server no longer lets `member` into the team or its briefing. */
  async function expectServerSaysGone(
    teamId: string,
    member: TestUser,
    briefingId: string,
  ): Promise<void> {
    expect(await memberIds(teamId)).not.toContain(member.id)
    // Non-members get the same 404 as for a team or briefing that does not exist.
    expect((await member.api(`/api/teams/${teamId}`)).status).toBe(404)
    expect((await member.api(`/api/briefings/${briefingId}`)).status).toBe(404)
    const teams = (await (await member.api('/api/teams')).json()) as { teams: { id: string }[] }
    expect(teams.teams.map((t) => t.id)).not.toContain(teamId)
  }

  it('keeps the membership when leaving is cancelled', async () => {
    const { teamId, teamName, member } = await teamWithMember('Cato Cancel')
    const { page, deletes } = await openPageAs(member, 'cancel')
    await openTeamPage(page, teamId, teamName)

    const dialog = await askToLeave(page, teamName)
    await dialog.getByRole('button', { name: 'Leave team' }).waitFor()
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await expect.poll(() => leaveDialog(page, teamName).count()).toBe(0)

    expect(new URL(page.url()).pathname).toBe(`/teams/${teamId}`)
    expect(await leaveButton(page, teamName).isEnabled()).toBe(true)
    expect(deletes).toEqual([])
    expect((await member.api(`/api/teams/${teamId}`)).status).toBe(200)
    expect(await memberIds(teamId)).toContain(member.id)
    // A fresh load still shows the team: the page did not just hide the server's answer.
    await page.reload()
    await page.getByRole('heading', { name: teamName, level: 1 }).waitFor()
    await leaveButton(page, teamName).waitFor()
  })

  it('leaves the team once confirmed: back on the personal list, and the server agrees', async () => {
    const { teamId, teamName, member, briefingId } = await teamWithMember('Lena Leaver')
    const { page, deletes } = await openPageAs(member, 'leave')

    // The team is the current one, chosen from the switcher, and its page opened from there.
    await page.goto('/')
    await page.getByRole('button', { name: /^Team: Personal/ }).click()
    await page.getByRole('menuitemradio', { name: teamName }).click()
    await page.getByRole('heading', { name: teamName, level: 1 }).waitFor()
    await page.getByRole('link', { name: new RegExp(`${teamName} notes`) }).waitFor()
    await page.getByRole('button', { name: new RegExp(`^Team: ${teamName}`) }).click()
    await page.getByRole('menuitem', { name: `Manage ${teamName}` }).click()
    await page.waitForURL((url) => url.pathname === `/teams/${teamId}`)
    await page.getByRole('heading', { name: teamName, level: 1 }).waitFor()

    const dialog = await askToLeave(page, teamName)
    await dialog.getByRole('button', { name: 'Leave team' }).click()
    await expectLandedOnPersonalList(page, teamName)
    expect(deletes).toEqual([`/api/teams/${teamId}/members/${member.id}`])
    await expectServerSaysGone(teamId, member, briefingId)

    // A fresh load agrees: the choice of team does not bring the team back.
    await page.reload()
    await page.getByRole('heading', { name: 'Your briefings', level: 1 }).waitFor()
    await page.getByRole('button', { name: /^Team: Personal/ }).waitFor()
    // And the team's page and briefing, opened directly, are closed to them.
    await page.goto(`/teams/${teamId}`)
    await page.getByRole('heading', { name: 'Team not found' }).waitFor()
    await page.goto(`/b/${briefingId}`)
    await page.getByRole('heading', { name: 'Briefing not found' }).waitFor()
  })

  it('offers the last admin no way to leave, only a note; a second admin can leave', async () => {
    const { teamId, teamName, member } = await teamWithMember('Ada Second')
    const { page, deletes } = await openPageAs(admin, 'last-admin')
    await openTeamPage(page, teamId, teamName)

    await page.getByText(LAST_ADMIN_NOTE).waitFor()
    // The button may be shown greyed out, but it must not be usable.
    const buttons = leaveButton(page, teamName)
    for (const button of await buttons.all()) expect(await button.isEnabled()).toBe(false)
    expect(await leaveDialog(page, teamName).count()).toBe(0)
    expect(deletes).toEqual([])
    expect(await memberIds(teamId)).toContain(admin.id)

    // With another admin, the first one may leave after all.
    const promoted = await admin.api(`/api/teams/${teamId}/members/${member.id}`, {
      method: 'PATCH',
      body: { role: 'admin' },
    })
    expect(promoted.status).toBe(200)
    await page.reload()
    await page.getByRole('heading', { name: teamName, level: 1 }).waitFor()
    await leaveButton(page, teamName).waitFor()
    expect(await leaveButton(page, teamName).isEnabled()).toBe(true)
    expect(await page.getByText(LAST_ADMIN_NOTE).count()).toBe(0)
  })

  it('shows a failed leave in the dialog, keeps the membership, and a retry leaves', async () => {
    const { teamId, teamName, member, briefingId } = await teamWithMember('Rita Retry')
    const { page, deletes } = await openPageAs(member, 'retry')
    await openTeamPage(page, teamId, teamName)
    const memberUrl = `**/api/teams/${teamId}/members/${member.id}`
    await failNextDelete(page, memberUrl)

    const dialog = await askToLeave(page, teamName)
    const confirm = dialog.getByRole('button', { name: 'Leave team' })
    await confirm.click()
    await dialog.getByRole('alert').getByText('Try again shortly.').waitFor()
    expect(await confirm.isEnabled()).toBe(true)
    expect(new URL(page.url()).pathname).toBe(`/teams/${teamId}`)
    expect((await member.api(`/api/teams/${teamId}`)).status).toBe(200)
    expect(await memberIds(teamId)).toContain(member.id)

    // The retry is held at the network until the page has been looked at mid-flight.
    const release = await holdNextRequest(page, memberUrl)
    await confirm.click()
    await dialog.getByRole('button', { name: 'Leaving…' }).waitFor()
    expect(await dialog.getByRole('button', { name: 'Cancel' }).isEnabled()).toBe(false)
    expect(await dialog.getByRole('alert').count()).toBe(0)
    release()
    await expectLandedOnPersonalList(page, teamName)
    // Both attempts went out; only the second reached the server.
    expect(deletes).toEqual([
      `/api/teams/${teamId}/members/${member.id}`,
      `/api/teams/${teamId}/members/${member.id}`,
    ])
    await expectServerSaysGone(teamId, member, briefingId)
  })
})
