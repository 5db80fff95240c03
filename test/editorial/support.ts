import { Hono } from "hono";
import { ROLES, type Role } from "../../src/auth/roles.ts";
import { createToken } from "../../src/auth/tokens.ts";
import type { Store } from "../../src/store/store.ts";
import { createEditorialApi, type EditorialApiOptions } from "../../src/web/api/editorial.ts";

/** A clock tests move by hand. */
export function manualClock(start = "2026-03-01T09:00:00Z") {
  let now = new Date(start).getTime();
  const clock = () => new Date(now);
  return Object.assign(clock, {
    set(iso: string) {
      now = new Date(iso).getTime();
    },
    advance(ms: number) {
      now += ms;
    },
  });
}

export interface ApiHarness {
  app: Hono;
  tokens: Record<Role, string>;
  call(
    method: string,
    path: string,
    options?: {
      role?: Role | null;
      token?: string;
      body?: unknown;
      raw?: string;
      ifMatch?: string;
      headers?: Record<string, string>;
    },
  ): Promise<Response>;
}

/** The editorial API over `store` with one token per role; `call` sends JSON as a given role. */
export async function apiHarness(store: Store, options: Partial<EditorialApiOptions> = {}): Promise<ApiHarness> {
  // Mounted at /api as createApp mounts it.
  const app = new Hono().route(
    "/api",
    createEditorialApi({ store, schedulerIntervalMs: 0, rateLimits: false, ...options }),
  );
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) tokens[role] = (await createToken(store, role, `test ${role}`)).token;
  return {
    app,
    tokens,
    call(method, path, o = {}) {
      const headers: Record<string, string> = { ...o.headers };
      const token = o.token ?? (o.role ? tokens[o.role] : undefined);
      if (token) headers.authorization = `Bearer ${token}`;
      if (o.ifMatch !== undefined) headers["if-match"] = o.ifMatch;
      let body: string | undefined = o.raw;
      if (o.body !== undefined) body = JSON.stringify(o.body);
      if (body !== undefined) headers["content-type"] ??= "application/json";
      return Promise.resolve(app.request(path, { method, headers, body }));
    },
  };
}

export function draftBody(n: number | string, extra: Record<string, unknown> = {}) {
  return {
    id: `t${n}`,
    section: "World",
    headline: `Story number ${n}`,
    summary: "A summary.",
    blocks: [{ type: "paragraph", text: `Body of story ${n}.` }],
    ...extra,
  };
}
