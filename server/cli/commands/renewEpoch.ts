/**
 * `briefing renew-epoch [ID...]`: gives briefings a new epoch, so every browser drops the
 * offline copy it keeps of them instead of merging it (docs/ARCHITECTURE.md, "Offline").
 * Run it after putting documents back from a backup: a copy made of the replaced document
 * would otherwise merge its history into the restored one, bringing back what the backup
 * does not have, twice over where both hold the same text. Without IDs, every briefing (a
 * whole backup was restored). Prints one JSON object: the backend and the briefings renewed.
 */
import path from 'node:path'
import { openStores } from '../../store'
import { CliError, type Command } from '../command'

export const renewEpochCommand: Command = {
  name: 'renew-epoch',
  summary: 'make browsers drop their offline copies of the briefings (all, or the IDs given)',
  usage: '[ID...]',
  async run(args, io) {
    const stores = await openStores({
      dataDir: path.resolve(io.cwd, io.env.DATA_DIR ?? './data'),
      databaseUrl: io.env.DATABASE_URL || null,
    })
    try {
      const ids = args.length > 0 ? args : await stores.briefings.listIds()
      const renewed: string[] = []
      const unknown: string[] = []
      for (const id of ids) {
        if (await stores.briefings.renewEpoch(id)) renewed.push(id)
        else unknown.push(id)
      }
      if (unknown.length > 0) {
        // The ones found were renewed all the same: a typo must not leave the rest stale.
        throw new CliError(`no briefing ${unknown.join(', ')} (renewed ${renewed.length})`)
      }
      io.stdout(`${JSON.stringify({ backend: stores.backend, renewed })}\n`)
      return 0
    } finally {
      await stores.close()
    }
  },
}
