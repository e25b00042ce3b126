/**
 * The typesetting thread's code: one Typst compiler, kept warm, compiling one briefing at a
 * time as the main thread sends them (see typstWorker.ts, which also types the messages:
 * CompileRequest in, CompileReply out). It only drives the compiler and hands back what it
 * said; turning diagnostics into errors and warnings stays on the main thread.
 *
 * Plain JavaScript with no project imports, because a worker thread does not inherit the
 * TypeScript loader of its parent: not vitest's transform, and tsx only through flags. This
 * file runs as is under `node --import tsx`, under vitest and in the Docker image.
 */
import fs from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler'

/** @type {{ workspace: string, fontFiles: string[], cacheMaxAge: number }} */
const { workspace, fontFiles, cacheMaxAge } = workerData

// Reading the fonts here, not receiving them, keeps 5 MB out of the main thread's heap.
const compiler = NodeCompiler.create({
  workspace,
  fontArgs: [{ fontBlobs: fontFiles.map((file) => fs.readFileSync(file)) }],
})

// Attached while the module first runs, with no `await` before it: requests posted while
// the thread was starting wait in the port until a listener is there.
parentPort.on('message', (request) => {
  const reply = compile(request)
  parentPort.postMessage(reply, reply.pdf ? [reply.pdf] : [])
})

function compile({ id, mainFileContent, inputs, creationTimestamp }) {
  let stage = 'compile'
  try {
    const result = compiler.compile({ mainFileContent, inputs })
    if (result.hasError() || !result.result) {
      return { id, outcome: 'diagnostics', diagnostics: plain(result.takeError()) }
    }
    const warnings = plain(result.takeWarnings())
    const document = result.result
    stage = 'pdf'
    const pdf = compiler.pdf(document, { creationTimestamp })
    return { id, outcome: 'pdf', pdf: ownBytes(pdf), pages: document.numOfPages, warnings }
  } catch (err) {
    return { id, outcome: 'failed', stage, message: errorText(err) }
  } finally {
    compiler.evictCache(cacheMaxAge)
  }
}

/** The binding's diagnostics, copied into plain objects that survive postMessage. */
function plain(error) {
  if (!error) return []
  return error.shortDiagnostics.map((d) => ({
    message: d.message,
    severity: d.severity,
    path: d.path,
    range: d.range,
  }))
}

/**
 * An ArrayBuffer holding exactly `bytes`, to transfer without a copy. A view into a larger
 * buffer is copied first: transferring its backing store would hand over the rest too.
 */
function ownBytes(bytes) {
  const { buffer, byteOffset, byteLength } = bytes
  if (byteOffset === 0 && byteLength === buffer.byteLength) return buffer
  return buffer.slice(byteOffset, byteOffset + byteLength)
}

// The binding throws errors with an empty message; its code carries the reason.
function errorText(err) {
  if (err?.message) return String(err.message)
  return err?.code ? String(err.code) : 'unknown error'
}
