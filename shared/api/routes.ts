/**
 * Every JSON route of the API with its request and response schemas: the table docs/API.md
 * documents (tests/api/apiDocs.test.ts fails when the two disagree). Routes answering 204, a
 * file or HTML have no response schema.
 */
import type { z } from 'zod'
import * as accounts from './accounts'
import { settingsRequest, settingsResponse } from './admin'
import * as briefings from './briefings'
import * as comments from './comments'
import { auditPage, auditPageQuery } from './fields'
import { inboxResponse } from './inbox'
import * as search from './search'
import * as sources from './sources'
import * as teams from './teams'
import * as versions from './versions'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface RouteContract {
  method: Method
  /** Express-style path under the server root, `:name` for parameters. */
  path: string
  body?: z.ZodType
  query?: z.ZodType
  response?: z.ZodType
}

const route = (
  method: Method,
  path: string,
  schemas: Omit<RouteContract, 'method' | 'path'> = {},
): RouteContract => ({ method, path, ...schemas })

export const ROUTES: readonly RouteContract[] = [
  route('GET', '/api/auth/config', { response: accounts.authConfigResponse }),
  route('POST', '/api/auth/register', {
    body: accounts.registerRequest,
    response: accounts.meResponse,
  }),
  route('POST', '/api/auth/login', { body: accounts.loginRequest, response: accounts.meResponse }),
  route('POST', '/api/auth/logout'),
  route('GET', '/api/auth/me', { response: accounts.meResponse }),
  route('PATCH', '/api/auth/me', { body: accounts.renameRequest, response: accounts.meResponse }),
  route('POST', '/api/auth/password', { body: accounts.changePasswordRequest }),
  route('GET', '/api/auth/tokens', { response: accounts.tokenListResponse }),
  route('POST', '/api/auth/tokens', {
    body: accounts.createTokenRequest,
    response: accounts.createdTokenResponse,
  }),
  route('DELETE', '/api/auth/tokens/:id'),

  route('GET', '/api/teams', { response: teams.teamListResponse }),
  route('POST', '/api/teams', { body: teams.createTeamRequest, response: accounts.teamMembership }),
  route('GET', '/api/teams/:id', { response: teams.teamDetailResponse }),
  route('POST', '/api/teams/:id/invites', {
    body: teams.inviteRequest,
    response: teams.createdInviteResponse,
  }),
  route('DELETE', '/api/teams/:id/invites/:inviteId'),
  route('PATCH', '/api/teams/:id/members/:userId', {
    body: teams.memberRoleRequest,
    response: teams.teamMember,
  }),
  route('DELETE', '/api/teams/:id/members/:userId'),
  route('GET', '/api/teams/:id/audit', { query: auditPageQuery, response: auditPage }),
  route('GET', '/api/invites/:token', { response: teams.inviteInfoResponse }),
  route('POST', '/api/invites/:token/accept', { response: teams.acceptedInviteResponse }),

  route('GET', '/api/briefings', {
    query: briefings.briefingListQuery,
    response: briefings.briefingListResponse,
  }),
  route('POST', '/api/briefings', {
    body: briefings.createBriefingRequest,
    response: briefings.briefingResponse,
  }),
  route('GET', '/api/briefings/:id', { response: briefings.briefingResponse }),
  route('PATCH', '/api/briefings/:id', {
    body: briefings.updateBriefingRequest,
    response: briefings.briefingResponse,
  }),
  route('DELETE', '/api/briefings/:id'),
  route('GET', '/api/briefings/:id/content', { query: briefings.contentQuery }),
  route('GET', '/api/briefings/:id/export'),
  route('GET', '/api/briefings/:id/shares', { response: briefings.sharesResponse }),
  route('PUT', '/api/briefings/:id/shares', {
    body: briefings.shareRequest,
    response: briefings.share,
  }),
  route('DELETE', '/api/briefings/:id/shares/:userId'),
  route('POST', '/api/briefings/:id/collab-token', { response: briefings.collabTokenResponse }),

  route('GET', '/api/briefings/:id/sources', { response: sources.sourceListResponse }),
  route('POST', '/api/briefings/:id/sources', {
    body: sources.importSourceRequest,
    response: sources.sourceResponse,
  }),
  route('PATCH', '/api/briefings/:id/sources/:sourceId', {
    body: sources.correctSourceRequest,
    response: sources.sourceResponse,
  }),
  route('DELETE', '/api/briefings/:id/sources/:sourceId'),
  route('GET', '/api/briefings/:id/quotes/verification', {
    response: sources.verificationResponse,
  }),

  route('GET', '/api/briefings/:id/comments', { response: comments.threadListResponse }),
  route('POST', '/api/briefings/:id/comments', {
    body: comments.createThreadRequest,
    response: comments.threadResponse,
  }),
  route('POST', '/api/briefings/:id/comments/read'),
  route('POST', '/api/briefings/:id/comments/:threadId/replies', {
    body: comments.replyRequest,
    response: comments.threadResponse,
  }),
  route('PATCH', '/api/briefings/:id/comments/:threadId', {
    body: comments.threadStatusRequest,
    response: comments.threadResponse,
  }),
  route('PATCH', '/api/briefings/:id/comments/:threadId/comments/:commentId', {
    body: comments.editCommentRequest,
    response: comments.threadResponse,
  }),
  route('DELETE', '/api/briefings/:id/comments/:threadId/comments/:commentId'),
  route('GET', '/api/inbox', { response: inboxResponse }),
  route('GET', '/api/briefings/:id/versions', { response: versions.versionListResponse }),
  route('POST', '/api/briefings/:id/versions', {
    body: versions.createVersionRequest,
    response: versions.versionResponse,
  }),
  route('PATCH', '/api/briefings/:id/versions/:versionId', {
    body: versions.renameVersionRequest,
    response: versions.versionResponse,
  }),
  route('DELETE', '/api/briefings/:id/versions/:versionId'),
  route('GET', '/api/briefings/:id/versions/:versionId/content', {
    query: versions.versionContentQuery,
  }),
  route('GET', '/api/briefings/:id/versions/:versionId/compare/:otherId', {
    response: versions.compareResponse,
  }),
  route('POST', '/api/briefings/:id/versions/:versionId/restore', {
    response: versions.versionResponse,
  }),
  route('GET', '/api/search', { query: search.searchQuery, response: search.searchResponse }),

  route('GET', '/api/admin/settings', { response: settingsResponse }),
  route('PATCH', '/api/admin/settings', { body: settingsRequest, response: settingsResponse }),
  route('GET', '/api/admin/audit', { query: auditPageQuery, response: auditPage }),
]
