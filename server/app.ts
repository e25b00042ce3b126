/**
 * Assembles and starts a Briefing server: stores, rooms, HTTP API and the collaboration
 * endpoint on one HTTP server. Tests start it on port 0; `server/main.ts` runs it for real.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { briefingSchema } from '../shared/schema/schema'
import { StructureRules } from '../shared/schema/structure'
import { AccessControl } from './auth/access'
import { Authenticator } from './auth/authenticate'
import { LiveAccess } from './auth/liveAccess'
import { compileTrustProxy } from './auth/origin'
import { PasswordHasher, type ScryptCost } from './auth/passwords'
import { randomToken } from './auth/secrets'
import { upgradeAuthorizer } from './auth/upgradeAuth'
import { DEFAULT_SEND_LIMITS, type SendLimits } from './collab/backpressure'
import { closeFor } from './collab/closeFor'
import { applyDomainEvent } from './collab/domainEvents'
import { drainSockets } from './collab/drain'
import { EditTouches } from './collab/editTouches'
import { ServerRestarting } from './collab/errors'
import { readDocument } from './collab/readDocument'
import { combineHooks } from './collab/registryHooks'
import { DEFAULT_ROOM_OPTIONS, RoomRegistry, type RoomRegistryOptions } from './collab/roomRegistry'
import { schemaGuard } from './collab/schemaGuard'
import { DEFAULT_SOCKET_LIMITS, type SocketLimits } from './collab/socketLimits'
import { createUpgradeHandler } from './collab/upgrade'
import { DEFAULT_RATE_LIMITS, type RateLimits, type ServerConfig } from './config'
import { Exporter } from './export/exporter'
import { domainEventMessage, domainEventOf } from './fanout/domainEvents'
import { RedisFanout } from './fanout/redisFanout'
import { clientAddressOf } from './http/clientAddress'
import type { AppContext } from './http/context'
import { createApp } from './http/createApp'
import { errorHandler } from './http/errors'
import { metricsApp } from './http/metricsRoute'
import { createLogger, errorField, type Logger } from './log/logger'
import { instrumentStore, Metrics } from './metrics/metrics'
import { briefingText } from './search/briefingText'
import {
  DEFAULT_SEARCH_INDEXER,
  SearchIndexer,
  type SearchIndexerOptions,
} from './search/searchIndexer'
import { createServices, type Services } from './services'
import { DomainEvents } from './services/events'
import { DEFAULT_IMPORT_POOL, ImportPool } from './sources/worker/importPool'
import { openStores, type Stores } from './store'
import { groupCommit } from './store/groupCommit'
import { EditLedger } from './versions/editLedger'

export interface StartOptions
  extends Partial<Omit<ServerConfig, 'limits' | 'imports' | 'sockets'>> {
  dataDir: string
  logger?: Logger
  rooms?: Partial<RoomRegistryOptions>
  now?: () => Date
  /** Origins trusted besides the request's own host (PUBLIC_URL behind a proxy). */
  trustedOrigins?: string[]
  limits?: Partial<RateLimits>
  sockets?: Partial<SocketLimits>
  /** What the server may queue for one socket (see server/collab/backpressure.ts). */
  send?: Partial<SendLimits>
  /** How often open sockets are checked for ended sessions. */
  sessionSweepMs?: number
  /** Beat of the check that drops sockets whose client went silent (server/collab/liveness.ts). */
  livenessBeatMs?: number
  /**
   * scrypt cost for new password hashes; production uses DEFAULT_SCRYPT_COST. Tests lower it
   * explicitly (tests/helpers/server.ts) so hundreds of sign-ups stay fast; no environment
   * variable can, so a deployment cannot run cheaper by accident.
   */
  passwordCost?: ScryptCost
  /** How long a briefing goes without edits before an automatic version is made of it. */
  versionSettleMs?: number
  /** The source import threads; unset fields keep DEFAULT_IMPORT_POOL's. */
  imports?: Partial<ServerConfig['imports']> & { entry?: URL }
  /** How long the search index waits for edits to pause (see server/search/searchIndexer.ts). */
  search?: Partial<SearchIndexerOptions>
}

export interface RunningServer {
  /** `http://host:port` of the listening server. */
  url: string
  port: number
  stores: Stores
  registry: RoomRegistry
  /** `http://host:port` of the METRICS_PORT listener; null when metrics share the main port. */
  metricsUrl: string | null
  /** The link to other instances; null without REDIS_URL. */
  fanout: RedisFanout | null
  metrics: Metrics
  /** The threads source imports parse in. */
  imports: ImportPool
  /** What the HTTP routes call: for tests that reach a service directly (races, edge cases). */
  services: Services
  /** Graceful stop: closes sockets with "server restarting", stores everything, exits clean. */
  close(): Promise<void>
}

/** Longest a graceful stop waits for clients to answer its close before cutting them off. */
const SOCKET_DRAIN_MS = 5_000

/** A burst of editing has settled after this long without an edit: an automatic version. */
export const VERSION_SETTLE_MS = 10 * 60 * 1000

/** Only touch a briefing's updatedAt this often while it is edited. */
const TOUCH_INTERVAL_MS = 5_000

export async function startBriefingServer(options: StartOptions): Promise<RunningServer> {
  const log = options.logger ?? createLogger(options.logLevel ?? 'info')
  const now = options.now ?? (() => new Date())
  const stores = await openStores({
    dataDir: options.dataDir,
    databaseUrl: options.databaseUrl,
    log,
  })
  const schema = briefingSchema()
  const metrics = new Metrics()
  const fanout = options.redisUrl
    ? new RedisFanout({ url: options.redisUrl, store: stores.documents, log })
    : null
  const touches = new EditTouches(
    TOUCH_INTERVAL_MS,
    (id, at) => stores.briefings.touch(id, at),
    log,
  )
  // The services are built below; the ledger only calls them once a burst has settled.
  const ledger = new EditLedger(
    options.versionSettleMs ?? VERSION_SETTLE_MS,
    async (id) => {
      await services.versions.autoSave(id, 'settled')
    },
    log,
  )
  // The indexer reads documents through the registry built just below; it only reads once an
  // edit has been stored, by which time the registry exists.
  const indexer = new SearchIndexer(
    {
      read: (id, read) => readDocument(registry, stores.documents, id, read),
      text: (doc) => briefingText(doc, schema),
      write: (id, text) => stores.search.indexBriefing(id, text),
    },
    log,
    { ...DEFAULT_SEARCH_INDEXER, ...options.search },
  )
  const registry = new RoomRegistry(
    groupCommit(instrumentStore(stores.documents, metrics)),
    log,
    {
      ...DEFAULT_ROOM_OPTIONS,
      checkItem: schemaGuard(schema),
      structure: new StructureRules(schema),
      ...options.rooms,
    },
    combineHooks(fanout?.hooks ?? {}, {
      onPersisted(room, origin) {
        metrics.updates.inc({ origin: origin.source })
        touches.edited(room.name, now().getTime())
        ledger.edited(
          room.name,
          origin.source === 'client'
            ? (room.connections.get(origin.connectionId)?.userId ?? null)
            : null,
        )
        indexer.changed(room.name)
      },
    }),
  )
  metrics.watch(registry)
  metrics.watchVersions(stores.versions)
  // Briefings stored before the index existed are indexed in the background; the indexer's
  // close waits for the one being written.
  stores.search
    .unindexed()
    .then((ids) => indexer.backfill(ids))
    .catch((err) => log.warn('could not index older briefings', { error: errorField(err) }))
  const authenticator = new Authenticator(stores, now)
  const access = new AccessControl(stores)
  const live = new LiveAccess(registry, access, stores, log)
  // Access changes sent while this instance was cut off from the others never arrived.
  fanout?.onRelinked(() => live.recheckAll())
  // Shared by every instance through the store, so a token minted on one opens on another.
  const collabSecret = await stores.settings.getOrInit('collab_secret', randomToken('', 48))
  const deviceSecret = await stores.settings.getOrInit('known_device_secret', randomToken('', 48))
  const trustProxy = options.trustProxy ?? 'loopback'
  const origins = {
    trustedOrigins: options.trustedOrigins ?? [],
    trustProxy: compileTrustProxy(trustProxy),
  }
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.limits }

  const passwords = new PasswordHasher(options.passwordCost)
  // Domain events reach the other instances first (their sockets close while ours do), then
  // this instance's rooms; services await both before they answer.
  const events = new DomainEvents(log)
  if (fanout) events.subscribe((event) => fanout.publishControl(domainEventMessage(event)))
  events.subscribe((event) => applyDomainEvent(event, registry, live))
  fanout?.onControl((message) => {
    const event = domainEventOf(message)
    if (!event) return
    applyDomainEvent(event, registry, live).catch((err) =>
      log.error('applying a domain event failed', { event, error: errorField(err) }),
    )
  })
  const services = createServices({
    stores,
    registry,
    access,
    passwords,
    events,
    log,
    now,
    schema,
    collabSecret,
    ledger,
  })
  const ctx: AppContext = {
    stores,
    registry,
    schema,
    log,
    now,
    authenticator,
    access,
    live,
    collabSecret,
    deviceSecret,
    passwords,
    origins,
    limits,
    trustProxy,
    services,
  }
  const exporter = new Exporter()
  const metricsAccess = {
    token: options.metricsToken ?? null,
    port: options.metricsPort ?? null,
  }
  const imports = new ImportPool({ ...DEFAULT_IMPORT_POOL, ...options.imports })
  const app = createApp(ctx, {
    exporter,
    imports,
    clientDir: options.clientDir ?? null,
    health: { redis: fanout && (async () => fanout.health().ok) },
    metrics,
    metricsAccess,
    allowLoopbackFetch: options.allowLoopbackFetch ?? false,
  })
  // Sessions end by expiry too, not only by sign-out; their sockets must not outlive them.
  const sessionSweep = setInterval(() => {
    live
      .closeEndedSessions(now())
      .catch((err) => log.error('session sweep failed', { error: errorField(err) }))
  }, options.sessionSweepMs ?? 60_000)
  sessionSweep.unref()
  const server = http.createServer(app)
  const { handler, wss, stopLiveness } = createUpgradeHandler({
    registry,
    log,
    authorize: upgradeAuthorizer({ authenticator, access, collabSecret, origins, now }),
    clientAddress: clientAddressOf(origins.trustProxy),
    sockets: { ...DEFAULT_SOCKET_LIMITS, ...options.sockets },
    send: { ...DEFAULT_SEND_LIMITS, ...options.send },
    onServerClose: (code) => metrics.closedConnections.inc({ code: String(code) }),
    beatMs: options.livenessBeatMs,
  })
  server.on('upgrade', handler)

  const metricsServer =
    metricsAccess.port === null
      ? null
      : await listen(
          http.createServer(metricsApp(metrics, metricsAccess, errorHandler(log))),
          metricsAccess.port,
          options.host ?? '127.0.0.1',
        )
  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1')
  const { port } = server.address() as AddressInfo
  const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1'
  log.info('listening', {
    port,
    dataDir: options.dataDir,
    store: stores.backend,
    instance: fanout?.instanceId ?? null,
  })

  let closing: Promise<void> | null = null
  const close = () => {
    closing ??= (async () => {
      clearInterval(sessionSweep)
      stopLiveness()
      server.off('upgrade', handler)
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
      // Peers drop this instance's clients now; they will resync once all is stored.
      await fanout?.announceLeaving()
      registry.beginShutdown()
      await drainSockets(wss, registry, SOCKET_DRAIN_MS)
      await registry.shutdown()
      // Bursts that had not settled yet are versioned now, from what was just stored.
      for (const id of ledger.close()) {
        await services.versions
          .autoSave(id, 'settled')
          .catch((err) =>
            log.error('automatic version failed', { briefing: id, error: errorField(err) }),
          )
      }
      await indexer.close()
      await fanout?.close()
      // Sockets still open here belonged to no room (e.g. mid-upgrade); close them the same way.
      const { code, reason } = closeFor(new ServerRestarting())
      for (const ws of wss.clients) ws.close(code, reason)
      server.closeIdleConnections()
      server.closeAllConnections()
      await stopped
      if (metricsServer) {
        metricsServer.closeAllConnections()
        await new Promise<void>((resolve) => metricsServer.close(() => resolve()))
      }
      await exporter.close()
      await imports.close()
      await stores.close()
      log.info('stopped')
    })()
    return closing
  }

  const metricsUrl = metricsServer
    ? `http://${host}:${(metricsServer.address() as AddressInfo).port}`
    : null
  return {
    url: `http://${host}:${port}`,
    port,
    metricsUrl,
    stores,
    registry,
    metrics,
    fanout,
    imports,
    services,
    close,
  }
}

/** Starts `server` listening and resolves once it does (or rejects, e.g. port taken). */
function listen(server: http.Server, port: number, host: string): Promise<http.Server> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve(server)
    })
  })
}
