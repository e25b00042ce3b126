/**
 * The real import thread with a way to kill it (crashImportOnRequest.mjs), for tests of what
 * happens to an import whose thread dies. The killer is imported first, so its listener runs
 * before the real one.
 */
import './crashImportOnRequest.mjs'
import '../../server/sources/worker/importWorkerEntry.mjs'
