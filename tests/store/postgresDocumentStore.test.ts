/** The DocumentStore contract on PostgreSQL, in a schema of its own. */
import { openStores } from '../../server/store'
import { createTestSchema } from '../helpers/postgres'
import { documentStoreContract } from './documentStoreContract'

documentStoreContract('postgres', async () => {
  const schema = await createTestSchema()
  // dataDir is the SQLite folder; with a databaseUrl it is never touched.
  const stores = await openStores({ dataDir: '', databaseUrl: schema.url })
  return {
    store: stores.documents,
    async cleanup() {
      await stores.close()
      await schema.drop()
    },
  }
})
