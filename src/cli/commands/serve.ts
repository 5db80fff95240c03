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
        ),
    ),
  ).action(async (options: ServeOptions) => {
    const port = parsePort(options.port);
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
    const location = resolveDbLocation(options.db);
    const archive = await walArchiveFor(location, options.walArchive);
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
      if (options.sample) {
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
        writeApi: createEditorialApi({ store, media, onSiteChange: (keys) => purgeLocal(keys) }),
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
      process.stdout.write(`Newsdesk is serving ${store.location} at ${server.url}\n`);
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
