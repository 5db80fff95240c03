import { ROLES, type Role } from "../../src/auth/roles.ts";
import { createToken } from "../../src/auth/tokens.ts";
import type { Engine, Store } from "../../src/store/store.ts";
import { createEditorialApi } from "../../src/web/api/editorial.ts";
import { type RunningServer, startServer } from "../../src/web/server.ts";
import { tempStore } from "../support/stores.ts";

/** A real server (fast path, render cache, editorial API) over a fresh store, as `newsdesk serve` runs it. */
export interface HostileSite {
  store: Store;
  location: string;
  server: RunningServer;
  tokens: Record<Role, string>;
  get(path: string, init?: RequestInit): Promise<Response>;
  /** A JSON request to the API as `role` (or with `token`); If-Match when `ifMatch` is given. */
  call(
    method: string,
    path: string,
    o?: { role?: Role; token?: string; body?: unknown; raw?: string; ifMatch?: string },
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function startHostileSite(engine: Engine): Promise<HostileSite> {
  const t = await tempStore(engine);
  const server = await startServer({
    store: t.store,
    port: 0,
    writeApi: createEditorialApi({ store: t.store, schedulerIntervalMs: 0, rateLimits: false }),
  });
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = (await createToken(t.store, role, `hostile ${role}`)).token;
  return {
    store: t.store,
    location: t.location,
    server,
    tokens,
    get: (path, init) => fetch(`${server.url}${path}`, { redirect: "manual", ...init }),
    call(method, path, o = {}) {
      const headers: Record<string, string> = {};
      const token = o.token ?? (o.role ? tokens[o.role] : undefined);
      if (token) headers.authorization = `Bearer ${token}`;
      if (o.ifMatch !== undefined) headers["if-match"] = o.ifMatch;
      const body = o.raw ?? (o.body === undefined ? undefined : JSON.stringify(o.body));
      if (body !== undefined) headers["content-type"] = "application/json";
      return fetch(`${server.url}${path}`, { method, headers, body, redirect: "manual" });
    },
    close: async () => {
      await server.close();
      await t.cleanup();
    },
  };
}

export function story(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    section: "World",
    headline: `Story ${id}`,
    summary: "A summary.",
    blocks: [{ type: "paragraph", text: `Body of story ${id}.` }],
    ...extra,
  };
}
