import { seedSampleNewsroom } from "../../src/sample/seed.ts";
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
export async function startTestSite(engine: Engine, options: { sample?: boolean } = {}): Promise<TestSite> {
  const t = await tempStore(engine);
  if (options.sample !== false) await seedSampleNewsroom(t.store);
  const server = await startServer({ store: t.store, port: 0 });
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
