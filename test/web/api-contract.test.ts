import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { Validator } from "@seriousme/openapi-schema-validator";
import { createToken } from "../../src/auth/tokens.ts";
import { createEditorialApi } from "../../src/web/api/editorial.ts";
import { API_ERROR_CODES } from "../../src/web/api/errors.ts";
import { API_ROUTES, openApiPath } from "../../src/web/api/openapi.ts";
import { createApp } from "../../src/web/app.ts";
import { draftBody } from "../editorial/support.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";

/** The API's contract as a client reads it: the OpenAPI document, one error shape, usable ETags. */
for (const engine of ENGINES) {
  describe(`API contract on ${engine}`, () => {
    let t: TestStore;
    let app: ReturnType<typeof createApp>["app"];
    let editor: string;
    before(async () => {
      t = await tempStore(engine);
      editor = (await createToken(t.store, "editor", "contract")).token;
      ({ app } = createApp({
        store: t.store,
        baseUrl: "http://news.test",
        writeApi: createEditorialApi({ store: t.store, schedulerIntervalMs: 0, rateLimits: false }),
      }));
    });
    after(async () => {
      await t.cleanup();
    });

    const apiRoutes = () =>
      app.routes
        .filter((r) => r.path.startsWith("/api/") && r.method !== "ALL")
        .map((r) => `${r.method.toLowerCase()} ${r.path.slice("/api".length)}`);

    test("/api/openapi.json is a valid OpenAPI 3.1 document", async () => {
      const res = await app.request("/api/openapi.json");
      assert.equal(res.status, 200);
      const doc = await res.json();
      const result = await new Validator().validate(doc);
      assert.equal(result.valid, true, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));
      assert.equal((doc as { openapi: string }).openapi, "3.1.0");
      const create = (doc as { paths: Record<string, Record<string, { requestBody?: unknown }>> }).paths["/articles"]
        ?.post;
      assert.ok(create?.requestBody, "request bodies come from the validating schemas");
    });

    test("every route the app serves under /api is in the document, and nothing else", () => {
      const served = new Set(apiRoutes());
      const documented = new Set(API_ROUTES.map((r) => `${r.method} ${r.path}`));
      const missing = [...served].filter((r) => !documented.has(r));
      const extra = [...documented].filter((r) => !served.has(r));
      assert.deepEqual(missing, [], "routes missing from the OpenAPI document");
      assert.deepEqual(extra, [], "documented routes the app does not serve");
      assert.ok(served.size >= 20);
    });

    test("every route answers a bad request in the one error shape", async () => {
      const codes = new Set(Object.keys(API_ERROR_CODES));
      for (const route of API_ROUTES) {
        if (route.path === "/openapi.json") continue;
        // A bad request for each route: no token where one is needed, else a bad parameter.
        const path = openApiPath(route.path)
          .replace("{id}", "no such id!")
          .replace("{revision}", "x")
          .replace("{token}", "nope");
        const url =
          route.path === "/search" ? "/api/search?q=%22unbalanced" : `/api${path.replaceAll(" ", "%20")}?page=0`;
        const init: RequestInit = { method: route.method.toUpperCase() };
        if (route.method !== "get" && route.method !== "delete") {
          init.body = "{not json";
          init.headers = { "content-type": "application/json" };
        }
        const res = await app.request(url, init);
        assert.ok(res.status >= 400 && res.status < 500, `${route.method} ${url}: ${res.status}`);
        const body = (await res.json()) as { error?: { status?: unknown; code?: unknown; message?: unknown } };
        assert.equal(typeof body.error, "object", `${route.method} ${url}: ${JSON.stringify(body)}`);
        assert.equal(body.error?.status, res.status, `${route.method} ${url}`);
        assert.ok(codes.has(String(body.error?.code)), `${route.method} ${url}: code ${body.error?.code}`);
        assert.equal(typeof body.error?.message, "string");
      }
    });

    test("the anonymous read API's ETag is the one If-Match takes", async () => {
      const auth = { authorization: `Bearer ${editor}`, "content-type": "application/json" };
      const created = await app.request("/api/articles", {
        method: "POST",
        headers: auth,
        body: JSON.stringify({ ...draftBody("etag"), status: "published" }),
      });
      assert.equal(created.status, 201);
      const id = ((await created.json()) as { article: { id: string } }).article.id;
      const anonymous = await app.request(`/api/articles/${id}`);
      assert.equal(anonymous.status, 200);
      const etag = anonymous.headers.get("etag");
      assert.equal(etag, created.headers.get("etag"));
      const patched = await app.request(`/api/articles/${id}`, {
        method: "PATCH",
        headers: { ...auth, "if-match": etag! },
        body: JSON.stringify({ summary: "A changed summary." }),
      });
      assert.equal(patched.status, 200);
      const again = await app.request(`/api/articles/${id}`);
      assert.equal(again.headers.get("etag"), patched.headers.get("etag"), "a new revision is a new ETag");
      const notModified = await app.request(`/api/articles/${id}`, { headers: { "if-none-match": etag! } });
      assert.equal(notModified.status, 200, "the old ETag no longer matches");
    });
  });
}
