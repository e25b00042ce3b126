/**
 * `npm run soak -- --minutes N [--clients 12] [--docs 3] [--seed 1] [--kill-every 40]
 *   [--disconnect-every 15] [--replace-every 90] [--edit-ms 400] [--heap-every 30] [--out dir]`
 *
 * Many clients edit for N minutes while connections drop, clients close for good and the
 * server is killed with SIGKILL and restarted on the same port and data (with DATABASE_URL
 * set: two instances on a fresh schema of that database plus a throwaway redis-server, any
 * of which may be killed). At the end every client, every instance (through a fresh client)
 * and a fresh load from the store, taken after a final SIGKILL, must hold identical documents,
 * and no edit any collaborator saw may be missing. Server RSS is sampled throughout and its
 * trend reported, and so is the V8 heap after a full GC, asked of each server over its
 * inspector (`--inspect=127.0.0.1:0`, bench/lib/inspector.ts) every `--heap-every` seconds
 * (0: no inspector, no heap samples). Exits 1 on any divergence or loss.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import { collabToken, createBriefingAs, signUp, userFor } from '../tests/helpers/users'
import { openClient } from './lib/clients'
import { delay, until } from './lib/clock'
import { HeapProbe, inspectorUrl } from './lib/inspector'
import { Prng } from './lib/prng'
import { REPO_ROOT } from './lib/processes'
import { seedDocument } from './scenarios/editing'
import { type ChaosEvent, exponential, killServers } from './soak/chaos'
import { SeenEdits, SoakClient } from './soak/clients'
import { type Cluster, type Instance, startCluster } from './soak/cluster'
import { fingerprint, loadFromStore, missingSeenEdits, slope, stateKey } from './soak/verify'

const { values } = parseArgs({
  options: {
    minutes: { type: 'string' },
    clients: { type: 'string', default: '12' },
    docs: { type: 'string', default: '3' },
    seed: { type: 'string', default: String(Date.now() % 100_000) },
    'kill-every': { type: 'string', default: '40' },
    'disconnect-every': { type: 'string', default: '15' },
    'replace-every': { type: 'string', default: '90' },
    'edit-ms': { type: 'string', default: '400' },
    'heap-every': { type: 'string', default: '30' },
    out: { type: 'string' },
  },
})
const number = (name: keyof typeof values) => {
  const value = Number(values[name])
  if (!Number.isFinite(value) || value < 0)
    throw new RangeError(`--${name} must be a number ≥ 0, got "${values[name]}"`)
  return value
}
if (values.minutes === undefined) throw new RangeError('--minutes is required, e.g. --minutes 5')
const minutes = number('minutes')
const opts = {
  durationMs: minutes * 60_000,
  clients: number('clients'),
  docs: number('docs'),
  seed: number('seed'),
  killEverySec: number('kill-every'),
  disconnectEveryMs: number('disconnect-every') * 1000,
  replaceEveryMs: number('replace-every') * 1000,
  editMs: number('edit-ms'),
  heapEverySec: number('heap-every'),
}
const TOKEN_REFRESH_MS = 60_000
const MEMORY_SAMPLE_MS = 3_000
/** A heap sample that takes longer (connect, two GCs, evaluate) counts as failed. */
const HEAP_SAMPLE_TIMEOUT_MS = 10_000
const HEAP_NOTE =
  'each heap sample forces two full GCs in the server: a stop-the-world pause while it is under load'
const MiB = 2 ** 20
const log = (line: string) => process.stdout.write(`${line}\n`)

async function main(): Promise<boolean> {
  const prng = new Prng(opts.seed)
  const cluster = await startCluster({ inspect: opts.heapEverySec > 0 })
  log(
    `soak: ${minutes} min, ${cluster.mode}, ${opts.clients} clients on ${opts.docs} documents, seed ${opts.seed}`,
  )
  if (opts.heapEverySec > 0)
    log(`  heap after GC sampled every ${opts.heapEverySec} s over the inspector; ${HEAP_NOTE}`)
  const failures: string[] = []
  /** One inspector session per instance; each follows its instance across restarts. */
  const probes = new Map<string, HeapProbe>()
  try {
    const owner = await signUp(cluster.instances[0]!.httpUrl, { name: 'Soak' })
    const names: string[] = []
    for (let i = 0; i < opts.docs; i++) names.push(await createBriefingAs(owner, `Soak ${i}`))
    const tokens = new Map<string, string>()
    const mintTokens = async () => {
      for (const instance of cluster.instances.filter((x) => x.process)) {
        const user = userFor(instance.httpUrl, owner)
        try {
          for (const name of names) tokens.set(name, await collabToken(user, name))
          return true
        } catch {
          // That instance went down meanwhile; try the next one.
        }
      }
      return false
    }
    await mintTokens()
    for (const name of names) {
      const first = cluster.instances[0]!
      ;(await seedDocument(first.process!, { name, token: tokens.get(name)! }, opts.seed))()
    }

    const seen = new SeenEdits()
    const clients: SoakClient[] = []
    let nextNumber = 0
    const addClient = (docName: string, instance: number) => {
      const client = new SoakClient(
        nextNumber++,
        docName,
        instance,
        cluster.instances[instance]!.wsUrl,
        tokens.get(docName)!,
        (update) => seen.record(docName, update),
      )
      clients.push(client)
      return client
    }
    for (let i = 0; i < opts.clients; i++)
      addClient(names[i % names.length]!, i % cluster.instances.length)
    await until(() => clients.every((c) => c.client.synced), 'all clients to sync', 60_000)

    const startedAt = Date.now()
    const endAt = startedAt + opts.durationMs
    let stopping = false
    const counters = { edits: 0, disconnects: 0, replacements: 0 }
    const events: ChaosEvent[] = []
    const memory: Array<{ t: number; instance: string; pid: number; rssMiB: number }> = []
    const heap: HeapSample[] = []
    const heapFailures: Array<{ atSec: number; instance: string; pid: number; error: string }> = []
    const timers = new Set<NodeJS.Timeout>()
    const every = (meanMs: number, action: () => void) => {
      if (meanMs <= 0) return
      const schedule = () => {
        const timer = setTimeout(
          () => {
            timers.delete(timer)
            if (stopping) return
            action()
            schedule()
          },
          exponential(prng, meanMs),
        )
        timers.add(timer)
      }
      schedule()
    }
    const drive = (client: SoakClient) => {
      every(opts.editMs, () => {
        if (!client.destroyed && client.edit(prng)) counters.edits++
      })
      every(opts.disconnectEveryMs, () => {
        if (client.destroyed) return
        client.client.disconnect()
        counters.disconnects++
        const timer = setTimeout(() => {
          timers.delete(timer)
          if (client.destroyed) return
          client.client.setToken(tokens.get(client.docName)!)
          client.client.connect()
        }, 100 + prng.int(2_900))
        timers.add(timer)
      })
    }
    for (const client of clients) drive(client)
    every(opts.replaceEveryMs / Math.max(1, opts.clients), () => {
      const live = clients.filter((c) => !c.destroyed)
      const victim = prng.pick(live)
      victim.destroy()
      counters.replacements++
      drive(addClient(victim.docName, victim.instance))
    })
    const refresher = setInterval(() => {
      void mintTokens().then((ok) => {
        if (!ok) return
        for (const c of clients) if (!c.destroyed) c.client.setToken(tokens.get(c.docName)!)
      })
    }, TOKEN_REFRESH_MS)
    const sampler = setInterval(() => {
      for (const instance of cluster.instances) {
        const proc = instance.process
        if (!proc) continue
        try {
          memory.push({
            t: (Date.now() - startedAt) / 60_000,
            instance: instance.name,
            pid: proc.pid,
            rssMiB: proc.rssBytes() / 2 ** 20,
          })
        } catch {
          // It died between the check and the read.
        }
      }
    }, MEMORY_SAMPLE_MS)
    // The heap after a full GC, far less often than RSS: every sample forces two full GCs in
    // the server, a stop-the-world pause in the middle of the load (milliseconds for these
    // heaps, but not nothing). Instances are asked one after the other, never concurrently.
    const sampleHeaps = async (atEnd: boolean) => {
      for (const instance of cluster.instances) {
        const proc = instance.process
        const upSince = instance.upSince
        if (!proc || upSince === null) continue
        const at = Date.now()
        try {
          const url = inspectorUrl(proc.output)
          if (!url) throw new Error('no inspector URL in its output')
          const probe = probes.get(instance.name) ?? new HeapProbe(HEAP_SAMPLE_TIMEOUT_MS)
          probes.set(instance.name, probe)
          const { usage, gcMs } = await probe.sample(url)
          heap.push({
            t: (at - startedAt) / 60_000,
            instance: instance.name,
            pid: proc.pid,
            ageMin: (at - upSince) / 60_000,
            heapUsedMiB: usage.heapUsed / MiB,
            heapTotalMiB: usage.heapTotal / MiB,
            externalMiB: usage.external / MiB,
            rssMiB: usage.rss / MiB,
            gcMs: Math.round(gcMs),
            ...(atEnd ? { atEnd } : {}),
          })
        } catch (err) {
          // Killed between the check and the answer (its session closes), or wedged: the
          // sample is lost, the soak goes on, and the next sample opens a new session.
          heapFailures.push({
            atSec: Math.round((at - startedAt) / 100) / 10,
            instance: instance.name,
            pid: proc.pid,
            error: err instanceof Error ? err.message : String(err),
          })
        }
      }
    }
    let heapInFlight: Promise<void> | null = null
    const heapSampler =
      opts.heapEverySec > 0
        ? setInterval(() => {
            if (heapInFlight) return
            heapInFlight = sampleHeaps(false).finally(() => {
              heapInFlight = null
            })
          }, opts.heapEverySec * 1000)
        : null
    const chaos = killServers(
      cluster,
      { durationMs: opts.durationMs, killEverySec: opts.killEverySec },
      prng,
      startedAt,
      events,
      () => stopping,
    )
    const progress = setInterval(
      () =>
        log(
          `  ${Math.round((Date.now() - startedAt) / 1000)} s: ${counters.edits} edits, ${seen.count()} seen, ${counters.disconnects} disconnects, ${counters.replacements} replaced, ${events.filter((e) => e.action === 'kill').length} kills`,
        ),
      30_000,
    )

    await delay(endAt - Date.now())
    stopping = true
    for (const timer of timers) clearTimeout(timer)
    clearInterval(refresher)
    clearInterval(progress)
    await chaos
    await ensureUp(cluster)
    clearInterval(sampler)
    if (heapSampler) {
      // One last sample at the end of the load phase (editing stopped, clients not yet
      // reconnected), so that even a short run has a last point; then no session stays open.
      clearInterval(heapSampler)
      await heapInFlight
      await sampleHeaps(true)
      await closeProbes(probes)
    }
    log(`  editing stopped: ${counters.edits} edits, ${seen.count()} seen; converging…`)

    // Everyone back online with a fresh token, then wait for the replicas to agree.
    await mintTokens()
    const live = clients.filter((c) => !c.destroyed)
    for (const c of live) {
      c.client.setToken(tokens.get(c.docName)!)
      c.client.connect()
    }
    const agreeing = (name: string) => {
      const replicas = live.filter((c) => c.docName === name)
      return replicas.every(
        (c) => c.client.synced && stateKey(c.doc) === stateKey(replicas[0]!.doc),
      )
    }
    try {
      await until(() => names.every(agreeing), 'clients to converge', 120_000, 50)
    } catch (err) {
      failures.push(String(err))
    }

    const verdicts = []
    const perInstance = await instanceReplicas(cluster, names, tokens)
    const stored = await (async () => {
      for (const instance of cluster.instances) await cluster.kill(instance)
      return loadFromStore(cluster.storeConfig, names)
    })()
    for (const name of names) {
      const replicas = live.filter((c) => c.docName === name)
      const reference = fingerprint(replicas[0]!.doc)
      const different = [
        ...replicas
          .filter((c) => fingerprint(c.doc) !== reference)
          .map((c) => `client ${c.number}`),
        ...cluster.instances
          .filter((x) => perInstance.get(`${x.name}/${name}`) !== reference)
          .map((x) => x.name),
        ...(fingerprint(stored.get(name)!) !== reference ? ['store'] : []),
      ]
      const lost = missingSeenEdits(stored.get(name)!, seen.of(name))
      const lostOnClients = missingSeenEdits(replicas[0]!.doc, seen.of(name))
      verdicts.push({
        doc: name,
        clients: replicas.length,
        characters: reference.length,
        divergent: different,
        missingSeen: lost.missing,
        missingSeenOnClients: lostOnClients.missing,
        examples: lost.examples,
      })
      if (different.length > 0)
        failures.push(
          `${name}: replicas differ from client ${replicas[0]!.number}: ${different.join(', ')}`,
        )
      if (lost.missing + lostOnClients.missing > 0)
        failures.push(
          `${name}: ${lost.missing} seen edits missing from the store, ${lostOnClients.missing} from clients (${lost.examples.join(', ')})`,
        )
    }
    for (const c of clients) if (!c.destroyed) c.destroy()

    const report = {
      startedAt: new Date(startedAt).toISOString(),
      minutes,
      mode: cluster.mode,
      options: opts,
      counters: {
        ...counters,
        seenEdits: seen.count(),
        kills: events.filter((e) => e.action === 'kill').length,
      },
      events,
      verdicts,
      memory: memoryTrend(memory),
      heapAfterGc: {
        ...heapTrend(heap),
        sampleEverySec: opts.heapEverySec,
        note: HEAP_NOTE,
        maxGcMs: Math.max(0, ...heap.map((s) => s.gcMs)),
        failed: heapFailures,
      },
      failures,
      passed: failures.length === 0,
    }
    const outDir = path.resolve(values.out ?? path.join(REPO_ROOT, 'bench/results'))
    fs.mkdirSync(outDir, { recursive: true })
    const file = path.join(outDir, `soak-${report.startedAt.replace(/[:.]/g, '-')}.json`)
    fs.writeFileSync(
      file,
      `${JSON.stringify({ ...report, memorySamples: memory, heapSamples: heap }, null, 2)}\n`,
    )
    log(
      `  ${report.counters.edits} edits (${report.counters.seenEdits} seen by a collaborator), ${report.counters.disconnects} disconnects, ${report.counters.replacements} clients replaced, ${report.counters.kills} kills: ${events
        .filter((e) => e.action === 'kill')
        .map((e) => `${e.target}@${e.atSec}s`)
        .join(', ')}`,
    )
    for (const v of verdicts)
      log(
        `  ${v.doc}: ${v.clients} clients, ${v.characters} chars, divergent: ${v.divergent.length === 0 ? 'none' : v.divergent.join(', ')}, seen edits missing: ${v.missingSeen}`,
      )
    for (const m of report.memory.segments)
      log(
        `  RSS ${m.instance} pid ${m.pid}: ${m.fromMiB} → ${m.toMiB} MiB over ${m.minutes} min, slope ${m.slopeMiBPerMin} MiB/min`,
      )
    if (opts.heapEverySec > 0) {
      const h = report.heapAfterGc
      log(
        `  heap after GC: ${h.samples} samples every ${h.sampleEverySec} s (${HEAP_NOTE}; longest ${h.maxGcMs} ms), ${h.failed.length} failed${h.failed.length > 0 ? `: ${h.failed.map((f) => `${f.instance}@${f.atSec}s ${f.error}`).join('; ')}` : ''}${h.segments.length === 0 ? `; no process lived long enough for a trend (${TREND_MIN_POINTS} samples after its first ${WARM_UP_MIN} min)` : ''}`,
      )
      for (const m of h.segments)
        log(
          `  heap after GC ${m.instance} pid ${m.pid}: ${m.fromMiB} → ${m.toMiB} MiB over ${m.minutes} min, slope ${m.slopeMiBPerMin} MiB/min`,
        )
    }
    log(`  ${report.passed ? 'PASSED' : `FAILED:\n    ${failures.join('\n    ')}`}`)
    log(`  results: ${path.relative(process.cwd(), file)}`)
    return report.passed
  } finally {
    await closeProbes(probes)
    await cluster.close()
  }
}

async function closeProbes(probes: Map<string, HeapProbe>): Promise<void> {
  await Promise.all([...probes.values()].map((probe) => probe.close()))
  probes.clear()
}

/** Restarts anything chaos left down (it never does, but a failed restart must not hide). */
async function ensureUp(cluster: Cluster): Promise<void> {
  for (const instance of cluster.instances) if (!instance.process) await cluster.start(instance)
  if (cluster.redis && !cluster.redis.up) await cluster.redis.restart()
}

/** Each instance's copy of each document, through a fresh client: `instance/doc` → fingerprint. */
async function instanceReplicas(cluster: Cluster, names: string[], tokens: Map<string, string>) {
  const out = new Map<string, string>()
  await Promise.all(
    cluster.instances.flatMap((instance: Instance) =>
      names.map(async (name) => {
        const doc = new Y.Doc()
        const client = openClient(
          'briefing',
          instance.wsUrl,
          { name, token: tokens.get(name)! },
          doc,
        )
        try {
          await until(() => client.synced, `a fresh client on ${instance.name}`, 30_000)
          out.set(`${instance.name}/${name}`, fingerprint(doc))
        } finally {
          client.destroy()
        }
      }),
    ),
  )
  return out
}

/** A process's first seconds are start-up (module loading, JIT), not a trend. */
const WARM_UP_MIN = 0.5

/** Fewest samples after warm-up that make a process's trend. */
const TREND_MIN_POINTS = 3

interface HeapSample {
  /** Minutes since the load started. */
  t: number
  instance: string
  pid: number
  /** Minutes since this process was ready. */
  ageMin: number
  heapUsedMiB: number
  heapTotalMiB: number
  externalMiB: number
  rssMiB: number
  /** How long the two forced GCs took, round trips included: about the server's pause. */
  gcMs: number
  /** Taken when editing had stopped, before the clients reconnect to converge. */
  atEnd?: boolean
}

/**
 * RSS slope per process lifetime, after its warm-up; the longest lifetime is the trend that
 * means most (kills cut the others short).
 */
function memoryTrend(samples: Array<{ t: number; instance: string; pid: number; rssMiB: number }>) {
  return lifetimeTrend(
    samples,
    (s) => s.rssMiB,
    (s, first) => s.t - first.t >= WARM_UP_MIN,
    0,
  )
}

/**
 * The same for heapUsed after GC. Its samples are 10 times rarer, so warm-up is counted from
 * the process's start rather than from its first sample (which may come 30 s after it).
 */
function heapTrend(samples: HeapSample[]) {
  return lifetimeTrend(
    samples,
    (s) => s.heapUsedMiB,
    (s) => s.ageMin >= WARM_UP_MIN,
    1,
  )
}

function lifetimeTrend<S extends { t: number; instance: string; pid: number }>(
  samples: S[],
  value: (s: S) => number,
  warm: (s: S, first: S) => boolean,
  digits: number,
) {
  const round = (x: number) => Math.round(x * 10 ** digits) / 10 ** digits
  const byPid = new Map<number, S[]>()
  for (const s of samples) byPid.set(s.pid, [...(byPid.get(s.pid) ?? []), s])
  const segments = [...byPid.values()]
    .map((all) => all.filter((s) => warm(s, all[0]!)))
    .filter((seg) => seg.length >= TREND_MIN_POINTS)
    .map((seg) => ({
      instance: seg[0]!.instance,
      pid: seg[0]!.pid,
      minutes: Math.round((seg[seg.length - 1]!.t - seg[0]!.t) * 100) / 100,
      fromMiB: round(value(seg[0]!)),
      toMiB: round(value(seg[seg.length - 1]!)),
      slopeMiBPerMin: Math.round(slope(seg.map((s) => [s.t, value(s)])) * 100) / 100,
    }))
  const longest = [...segments].sort((a, b) => b.minutes - a.minutes)[0] ?? null
  return { samples: samples.length, warmUpMinutes: WARM_UP_MIN, segments, longest }
}

main().then(
  (passed) => process.exit(passed ? 0 : 1),
  (err) => {
    process.stderr.write(`soak failed: ${err instanceof Error ? err.stack : String(err)}\n`)
    process.exit(1)
  },
)
