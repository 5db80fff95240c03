import { parseSiteConfig, type SiteConfigInput } from "../../src/config/site-config.ts";
import { seedSampleNewsroom } from "../../src/sample/seed.ts";
import { SAMPLE_SITE_CONFIG } from "../../src/sample/site-config.ts";
import type { Engine, Store } from "../../src/store/store.ts";
import { type RunningServer, startServer } from "../../src/web/server.ts";
import { tempStore } from "../support/stores.ts";

export interface TestSite {
  store: Store;
  /** What another process would pass as --db to reach the same store. */
  storeLocation: string;
  server: RunningServer;
  url: string;
  get(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** A real server on a free port over a fresh store of the given engine, with the sample newsroom. */
export async function startTestSite(
  engine: Engine,
  options: { sample?: boolean; config?: SiteConfigInput; now?: () => number } = {},
): Promise<TestSite> {
  const t = await tempStore(engine);
  const sample = options.sample !== false;
  if (sample) await seedSampleNewsroom(t.store);
  // The sample newsroom comes with its own site config, as `serve --sample` uses it.
  const config = parseSiteConfig(options.config ?? (sample ? SAMPLE_SITE_CONFIG : { name: "Newsdesk" }));
  const server = await startServer({ store: t.store, port: 0, config, now: options.now });
  return {
    store: t.store,
    storeLocation: t.location,
    server,
    url: server.url,
    get: (path, init) => fetch(`${server.url}${path}`, { redirect: "manual", ...init }),
    close: async () => {
      await server.close();
      await t.cleanup();
    },
  };
}

export const REFERENCE_ARTICLE = process.env.NEWSDESK_REFERENCE_ARTICLE ?? "/work/shared/seed/reference-article.txt";
