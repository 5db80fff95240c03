import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Role } from "../../src/auth/roles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { ENGINES, type TestStore, tempStore } from "../support/stores.ts";
import { type ApiHarness, apiHarness, draftBody } from "./support.ts";

/**
 * Every write action × every role (and no token, and a bad token): allowed, 401 or 403.
 * Each allowed case runs against its own fresh article so the outcomes do not depend on order.
 */
interface Action {
  name: string;
  /** The least role that may do it. */
  needs: Role;
  /** Article state to prepare (as an editor) before the call; returns the path and options. */
  run(h: ApiHarness, id: string, role: Role | null, token?: string): Promise<Response>;
}

let serial = 0;

async function prepare(h: ApiHarness, state: "draft" | "published" | "deleted"): Promise<{ id: string; etag: string }> {
  const id = `m${++serial}`;
  const created = await h.call("POST", "/api/articles", { role: "editor", body: draftBody(id.slice(1)) });
  assert.equal(created.status, 201, await created.clone().text());
  let etag = created.headers.get("etag")!;
  const articleId = `t${id.slice(1)}`;
  if (state !== "draft") {
    const r = await h.call("POST", `/api/articles/${articleId}/publish`, { role: "editor", ifMatch: etag });
    assert.equal(r.status, 200);
    etag = r.headers.get("etag")!;
  }
  if (state === "deleted") {
    const r = await h.call("DELETE", `/api/articles/${articleId}`, { role: "editor", ifMatch: etag });
    assert.equal(r.status, 200);
    etag = r.headers.get("etag")!;
  }
  return { id: articleId, etag };
}

const writeWith =
  (method: string, suffix: string, state: "draft" | "published" | "deleted", body?: unknown) =>
  async (h: ApiHarness, _id: string, role: Role | null, token?: string) => {
    const { id, etag } = await prepare(h, state);
    return h.call(method, `/api/articles/${id}${suffix}`, { role, token, ifMatch: etag, body });
  };

const actions: Action[] = [
  {
    name: "create a draft",
    needs: "writer",
    run: (h, _id, role, token) =>
      h.call("POST", "/api/articles", { role, token, body: draftBody(`c${++serial}`, { status: "draft" }) }),
  },
  {
    name: "create published",
    needs: "editor",
    run: (h, _id, role, token) =>
      h.call("POST", "/api/articles", { role, token, body: draftBody(`p${++serial}`, { status: "published" }) }),
  },
  { name: "PUT a draft", needs: "writer", run: writeWith("PUT", "", "draft", { section: "World", headline: "New" }) },
  { name: "PATCH a draft", needs: "writer", run: writeWith("PATCH", "", "draft", { headline: "Patched" }) },
  { name: "PATCH a published article", needs: "editor", run: writeWith("PATCH", "", "published", { headline: "P" }) },
  { name: "publish", needs: "editor", run: writeWith("POST", "/publish", "draft") },
  { name: "unpublish", needs: "editor", run: writeWith("POST", "/unpublish", "published") },
  { name: "schedule", needs: "editor", run: writeWith("POST", "/schedule", "draft", { at: "2030-01-01T00:00:00Z" }) },
  { name: "embargo", needs: "editor", run: writeWith("POST", "/embargo", "draft", { until: "2030-01-01T00:00:00Z" }) },
  { name: "delete", needs: "editor", run: writeWith("DELETE", "", "published") },
  { name: "restore a deleted article", needs: "editor", run: writeWith("POST", "/restore", "deleted") },
  { name: "restore a revision", needs: "editor", run: writeWith("POST", "/revisions/1/restore", "published") },
  {
    name: "add a correction",
    needs: "editor",
    run: writeWith("POST", "/corrections", "published", { text: "Fixed." }),
  },
  {
    name: "create a token",
    needs: "admin",
    run: (h, _id, role, token) => h.call("POST", "/api/tokens", { role, token, body: { role: "reader", name: "x" } }),
  },
  { name: "list tokens", needs: "admin", run: (h, _id, role, token) => h.call("GET", "/api/tokens", { role, token }) },
  {
    name: "revoke a token",
    needs: "admin",
    run: async (h, _id, role, token) => {
      const made = await h.call("POST", "/api/tokens", { role: "admin", body: { role: "reader", name: "victim" } });
      const { id } = (await made.json()) as { id: string };
      return h.call("DELETE", `/api/tokens/${id}`, { role, token });
    },
  },
];

const ORDER: Role[] = ["reader", "writer", "editor", "admin"];

for (const engine of ENGINES) {
  describe(`editorial API access control on ${engine}`, () => {
    let t: TestStore;
    let h: ApiHarness;
    before(async () => {
      t = await tempStore(engine);
      h = await apiHarness(t.store);
    });
    after(async () => {
      await t.cleanup();
    });

    for (const action of actions) {
      test(`${action.name}: 401 without a valid token, 403 below ${action.needs}, allowed from ${action.needs}`, async () => {
        const none = await action.run(h, "", null);
        assert.equal(none.status, 401, `no token: ${await none.text()}`);
        assert.match(none.headers.get("www-authenticate") ?? "", /Bearer/);
        const forged = await action.run(h, "", null, `${h.tokens.admin.slice(0, -4)}AAAA`);
        assert.equal(forged.status, 401, "a token with a wrong secret is refused");
        for (const role of ORDER) {
          const res = await action.run(h, "", role);
          const allowed = ORDER.indexOf(role) >= ORDER.indexOf(action.needs);
          const text = await res.text();
          if (allowed)
            assert.ok(res.status >= 200 && res.status < 300, `${role}: expected success, got ${res.status} ${text}`);
          else {
            assert.equal(res.status, 403, `${role}: expected 403, got ${res.status} ${text}`);
            assert.ok(JSON.parse(text).error.message, "the 403 says why");
          }
        }
      });
    }

    test("a revoked token is refused with 401", async () => {
      const made = await h.call("POST", "/api/tokens", { role: "admin", body: { role: "editor", name: "temp" } });
      const { id, token } = (await made.json()) as { id: string; token: string };
      assert.equal((await h.call("GET", "/api/audit", { token })).status, 200);
      assert.equal((await h.call("DELETE", `/api/tokens/${id}`, { role: "admin" })).status, 204);
      assert.equal((await h.call("GET", "/api/audit", { token })).status, 401);
    });

    test("tokens are stored only as hashes", async () => {
      const rows = await kyselyOf(t.store).selectFrom("api_tokens").selectAll().execute();
      for (const token of Object.values(h.tokens)) {
        const secret = token.slice("nd_".length + 13);
        assert.ok(!JSON.stringify(rows).includes(secret), "no secret appears in the table");
      }
    });

    test("every write is in the audit log with who, what, when and revision", async () => {
      const created = await h.call("POST", "/api/articles", { role: "writer", body: draftBody("audit1") });
      const etag = created.headers.get("etag")!;
      await h.call("POST", "/api/articles/taudit1/publish", { role: "editor", ifMatch: etag });
      const res = await h.call("GET", "/api/audit?target=taudit1", { role: "editor" });
      const { entries } = (await res.json()) as {
        entries: { actor: string; action: string; revision: number; at: string }[];
      };
      assert.deepEqual(
        entries.map((e) => [e.action, e.revision]),
        [
          ["publish", 2],
          ["create", 1],
        ],
      );
      assert.match(entries[1].actor, /test writer/);
      assert.match(entries[0].actor, /test editor/);
      assert.ok(!Number.isNaN(Date.parse(entries[0].at)));
    });
  });
}
