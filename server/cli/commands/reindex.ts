/**
 * `briefing reindex`: rebuilds the search index from the store (DATA_DIR, default ./data, or
 * DATABASE_URL when set, as the server chooses). Works while servers run. Prints one JSON
 * object: how many briefings and sources were indexed.
 */
import path from 'node:path'
import { briefingSchema } from '../../../shared/schema/schema'
import { reindexAll } from '../../search/reindex'
import { openStores } from '../../store'
import { CliError, type Command, USAGE_EXIT_CODE } from '../command'

export const reindexCommand: Command = {
  name: 'reindex',
  summary: 'rebuild the search index of DATA_DIR (or DATABASE_URL) from the stored briefings',
  usage: '',
  async run(args, io) {
    if (args.length > 0) throw new CliError('reindex takes no arguments', USAGE_EXIT_CODE)
    const stores = await openStores({
      dataDir: path.resolve(io.cwd, io.env.DATA_DIR ?? './data'),
      databaseUrl: io.env.DATABASE_URL || null,
    })
    try {
      const report = await reindexAll(stores, briefingSchema())
      io.stdout(`${JSON.stringify({ backend: stores.backend, ...report })}\n`)
      return 0
    } finally {
      await stores.close()
    }
  },
}
