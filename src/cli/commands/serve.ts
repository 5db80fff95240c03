import { type Command, Option } from "commander";
import { UserError } from "../errors.ts";
import { dbOption, mediaOption, openMedia } from "../options.ts";

interface ServeOptions {
  db?: string;
  port: string;
  host: string;
  baseUrl?: string;
  sample?: boolean;
  walArchive?: string;
  config?: string;
  media?: string;
  workers: string;
}

/** --workers: a count, or "auto" for one per core. */
function parseWorkers(value: string, cores: number): number {
  if (value === "auto") return Math.max(1, cores);
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1)
    throw new UserError(`--workers must be a number from 1, or auto (one per core); got "${value}"`);
  return Number(value);
}

function parsePort(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65535) {
    throw new UserError(`--port must be a number from 0 to 65535; got "${value}"`);
  }
  return Number(value);
}

function parseBaseUrl(value: string | undefined): string | undefined {
  if (value === undefined || value === "") return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError(`--base-url must be an absolute http(s) URL; got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UserError(`--base-url must be an absolute http(s) URL; got "${value}"`);
  }
  return url.toString().replace(/\/+$/, "");
}

export function register(program: Command): void {
  mediaOption(
    dbOption(
      program
        .command("serve")
        .description("Serve the reader's website, feeds, sitemaps and the JSON API")
        .addOption(new Option("--port <n>", "port to listen on (0 picks a free one)").env("PORT").default("3000"))
        .addOption(new Option("--host <address>", "address to listen on").default("127.0.0.1"))
        .addOption(
          new Option("--base-url <url>", "public URL of the site for canonical links and feeds").env(
            "NEWSDESK_BASE_URL",
          ),
        )
        .option("--sample", "fill an empty store with the sample newsroom first (and use its site config)")
        .addOption(
          new Option(
            "--wal-archive <dir>",
            "SQLite: ship every commit's WAL frames to DIR each second, for `restore DIR --to-time T`",
          ).env("NEWSDESK_WAL_ARCHIVE"),
        )
        .addOption(
          new Option(
            "--config <file>",
            "site settings (name, language, time zone, sections…; default ./newsdesk.config.json when present)",
          ).env("NEWSDESK_CONFIG"),
        )
        .addOption(
          new Option("--workers <n|auto>", "server processes sharing the port (node cluster); auto: one per core")
            .env("NEWSDESK_WORKERS")
            .default("1"),
        ),
    ),
  ).action(async (options: ServeOptions) => {
    const port = parsePort(options.port);
    const { availableParallelism } = await import("node:os");
    const workers = parseWorkers(options.workers, availableParallelism());
    const cluster = (await import("node:cluster")).default;
    const { loadSiteConfig, ConfigError } = await import("../../config/site-config.ts");
    const { SAMPLE_SITE_CONFIG } = await import("../../sample/site-config.ts");
    let config: import("../../config/site-config.ts").SiteConfig;
    try {
      config = loadSiteConfig(options.config, { fallback: options.sample ? SAMPLE_SITE_CONFIG : undefined });
    } catch (error) {
      if (error instanceof ConfigError) throw new UserError(error.message);
      throw error;
    }
    // --base-url (or NEWSDESK_BASE_URL, which the config also reads) wins over the file.
    const baseUrl = parseBaseUrl(options.baseUrl) ?? config.baseUrl;
    const { openStore, resolveDbLocation } = await import("../../store/open.ts");
    const { startServer } = await import("../../web/server.ts");
    const { createEditorialApi } = await import("../../web/api/editorial.ts");
    if (workers > 1 && cluster.isPrimary) {
      await serveCluster(options, workers, () => import("../../store/open.ts"));
      return;
    }
    const location = resolveDbLocation(options.db);
    // In a cluster one process ships the WAL: the first worker.
    const ships = !cluster.isWorker || cluster.worker?.id === 1;
    const archive = ships ? await walArchiveFor(location, options.walArchive) : null;
    const store = await openStore(location);
    let shipper: { close(): void } | undefined;
    try {
      if (archive) {
        shipper = archive.start();
        process.stderr.write(`newsdesk: shipping the WAL of ${location} to ${options.walArchive}\n`);
      }
      // Refuse to serve a damaged store; `newsdesk check` gives the full report.
      const { checkStore } = await import("../../store/integrity.ts");
      const health = await checkStore(store, "quick");
      if (!health.ok) throw new UserError(`${store.location} failed its integrity check: ${health.problems[0]}`);
      if (options.sample && cluster.isPrimary) {
        const { seedSampleNewsroom } = await import("../../sample/seed.ts");
        const seeded = await seedSampleNewsroom(store);
        if (seeded > 0)
          process.stderr.write(`newsdesk: added the sample newsroom (${seeded} articles) to ${store.location}\n`);
      }
      // Fronts and the banner purge this process's pages at once (others see them through the store).
      let purgeLocal: (keys: string[]) => void = () => {};
      const media = await openMedia(store, options.media);
      const server = await startServer({
        store,
        media,
        port,
        hostname: options.host,
        baseUrl,
        config,
        writeApi: createEditorialApi({
          store,
          media,
          onSiteChange: (keys) => purgeLocal(keys),
          // One scheduler is enough: in a cluster only the first worker publishes scheduled stories.
          schedulerIntervalMs: cluster.isWorker && cluster.worker?.id !== 1 ? 0 : undefined,
        }),
        desk: {},
      }).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "EADDRINUSE")
          throw new UserError(`port ${port} is already in use; pick another with --port`);
        if (error.code === "EACCES") throw new UserError(`not allowed to listen on port ${port}; pick one above 1024`);
        throw error;
      });
      // Every server drops pages a write (from any process) changed, and tells the CDN (NEWSDESK_PURGE_URL).
      const { startLiveInvalidation } = await import("../../web/cdn/live-invalidation.ts");
      const { purgeHookFromEnv } = await import("../../web/cdn/purge.ts");
      const purge = purgeHookFromEnv();
      purgeLocal = (keys) => {
        server.site.cache.invalidate(keys);
        purge?.purge(keys);
      };
      const live = await startLiveInvalidation({
        store,
        cache: server.site.cache,
        freshness: server.site.freshness,
        purge,
      });
      if (cluster.isWorker) process.send?.({ listening: server.url });
      else process.stdout.write(`Newsdesk is serving ${store.location} at ${server.url}\n`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once("SIGINT", stop);
        process.once("SIGTERM", stop);
      });
      await live.close();
      await server.close();
    } finally {
      shipper?.close();
      await store.close();
      // A cluster worker's channel to the primary would keep it alive after closing.
      if (cluster.isWorker) process.disconnect?.();
    }
  });
}

/** Marks the store for WAL shipping before it is opened (so checkpoints wait for the shipper). */
async function walArchiveFor(
  location: string,
  dir: string | undefined,
): Promise<{ start(): { close(): void } } | null> {
  if (!dir) return null;
  if (/^postgres(ql)?:\/\//.test(location)) {
    throw new UserError(
      "--wal-archive is for SQLite stores; PostgreSQL archives its WAL with archive_command (README)",
    );
  }
  const { resolve } = await import("node:path");
  const { markShipping, startWalShipper } = await import("../../store/sqlite/wal-archive.ts");
  const archiveDir = resolve(dir);
  markShipping(location, archiveDir);
  return {
    start: () =>
      startWalShipper(location, archiveDir, {
        onError: (message) => process.stderr.write(`newsdesk: ${message}\n`),
      }),
  };
}

/**
 * One process per core: the primary checks and (with --sample) fills the store once, then forks
 * `workers` copies of this command that share the port (node:cluster hands connections round
 * robin). Each worker keeps its own render cache, kept current by the store's change token
 * (SQLite) or LISTEN/NOTIFY (PostgreSQL), exactly as separate `serve` processes would.
 */
async function serveCluster(
  options: ServeOptions,
  workers: number,
  open: () => Promise<typeof import("../../store/open.ts")>,
): Promise<void> {
  const cluster = (await import("node:cluster")).default;
  const { openStore, resolveDbLocation } = await open();
  const store = await openStore(resolveDbLocation(options.db));
  try {
    const { checkStore } = await import("../../store/integrity.ts");
    const health = await checkStore(store, "quick");
    if (!health.ok) throw new UserError(`${store.location} failed its integrity check: ${health.problems[0]}`);
    if (options.sample) {
      const { seedSampleNewsroom } = await import("../../sample/seed.ts");
      const seeded = await seedSampleNewsroom(store);
      if (seeded > 0)
        process.stderr.write(`newsdesk: added the sample newsroom (${seeded} articles) to ${store.location}\n`);
    }
  } finally {
    await store.close();
  }
  const location = resolveDbLocation(options.db);
  let listening = 0;
  let stopping = false;
  const started = new Promise<string>((resolve, reject) => {
    cluster.on("message", (_worker, message: { listening?: string }) => {
      if (message?.listening && ++listening === workers) resolve(message.listening);
    });
    cluster.on("exit", (worker, code) => {
      if (stopping) return;
      if (listening < workers) reject(new UserError(`a server process exited with ${code} before listening`));
      else {
        process.stderr.write(`newsdesk: server process ${worker.process.pid} exited with ${code}; starting another\n`);
        cluster.fork();
      }
    });
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  const url = await started;
  process.stdout.write(`Newsdesk is serving ${location} at ${url} with ${workers} processes\n`);
  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  stopping = true;
  await Promise.all(
    Object.values(cluster.workers ?? {}).map(
      (w) =>
        new Promise<void>((resolve) => {
          if (!w || w.isDead()) return resolve();
          // A worker that does not finish closing in 10 s is stopped outright.
          const force = setTimeout(() => w.process.kill("SIGKILL"), 10_000);
          w.once("exit", () => {
            clearTimeout(force);
            resolve();
          });
          w.process.kill("SIGTERM");
        }),
    ),
  );
}
