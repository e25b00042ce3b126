/** The services a server runs, built once from its dependencies (see deps.ts). */
import { AccountsService } from './accounts'
import { BriefingsService } from './briefings'
import { CommentsService } from './comments'
import type { ServiceDeps } from './deps'
import { SearchService } from './search'
import { SourcesService } from './sources'
import { TeamsService } from './teams'
import { VersionsService } from './versions'

export interface Services {
  accounts: AccountsService
  teams: TeamsService
  briefings: BriefingsService
  sources: SourcesService
  comments: CommentsService
  versions: VersionsService
  search: SearchService
}

export function createServices(deps: ServiceDeps): Services {
  const briefings = new BriefingsService(deps)
  return {
    accounts: new AccountsService(deps),
    teams: new TeamsService(deps),
    briefings,
    sources: new SourcesService(deps),
    comments: new CommentsService(deps),
    versions: new VersionsService(deps),
    search: new SearchService(deps, briefings),
  }
}
