import fs from 'node:fs'
import { openStores } from '../../server/store'
import { tempDir } from '../helpers/server'
import { documentStoreContract } from './documentStoreContract'

documentStoreContract('sqlite', async () => {
  const dir = tempDir()
  const stores = await openStores({ dataDir: dir })
  return {
    store: stores.documents,
    async cleanup() {
      await stores.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
})
