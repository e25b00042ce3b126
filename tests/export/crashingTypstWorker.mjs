/**
 * The real typesetting thread with a way to kill it (crashOnRequest.mjs), for tests of what
 * happens to an export whose thread dies. The killer is imported first, so its listener runs
 * before the real one and the compiler never answers a request that killed the thread. Both
 * are static imports: a listener added after an `await` could miss the first request.
 */
import './crashOnRequest.mjs'
import '../../server/export/pdf/typstWorkerEntry.mjs'
