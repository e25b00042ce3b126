/** The services a server runs, built once from its dependencies (see deps.ts). */
import { AccountsService } from './accounts'
import { BriefingsService } from './briefings'
import { CommentsService } from './comments'
import type { ServiceDeps } from './deps'
import { SourcesService } from './sources'
import { TeamsService } from './teams'

export interface Services {
  accounts: AccountsService
  teams: TeamsService
  briefings: BriefingsService
  sources: SourcesService
  comments: CommentsService
}

export function createServices(deps: ServiceDeps): Services {
  return {
    accounts: new AccountsService(deps),
    teams: new TeamsService(deps),
    briefings: new BriefingsService(deps),
    sources: new SourcesService(deps),
    comments: new CommentsService(deps),
  }
}
