import assert from "node:assert/strict";
import { after, test } from "node:test";
import { openStore } from "../../src/store/open.ts";
import { createEditorialApi } from "../../src/web/api/editorial.ts";
import { startServer } from "../../src/web/server.ts";
import { runCli } from "../support/cli.ts";
import { tempSqlitePath } from "../support/stores.ts";

const tmp = tempSqlitePath();
after(() => tmp.cleanup());

function cli(args: string[], input?: string) {
  return runCli([...args, "--db", tmp.path], { input });
}

test("newsdesk user create | list | disable", () => {
  const created = cli(
    ["user", "create", "--email", "Ann@Example.org", "--name", "Ann Writer", "--role", "writer", "--password-stdin"],
    "a long enough password\n",
  );
  assert.equal(created.code, 0, created.stderr);
  assert.match(created.stdout, /\tann@example\.org\twriter\tAnn Writer\n$/);
  const again = cli(["user", "create", "--email", "ann@example.org", "--name", "Ann", "--role", "writer"]);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /--email: a user with ann@example.org already exists/);
  const bad = cli(["user", "create", "--email", "x@example.org", "--name", "X", "--role", "reader"]);
  assert.match(bad.stderr, /--role: must be writer, editor or admin/);
  const short = cli(
    ["user", "create", "--email", "y@example.org", "--name", "Y", "--role", "editor", "--password-stdin"],
    "short\n",
  );
  assert.match(short.stderr, /--password: must be at least 10 characters/);
  assert.match(cli(["user", "list"]).stdout, /ann@example\.org\twriter\tAnn Writer\tactive/);
  assert.equal(cli(["user", "disable", "ann@example.org"]).code, 0);
  assert.match(cli(["user", "list"]).stdout, /ann@example\.org\twriter\tAnn Writer\tdisabled /);
  assert.equal(cli(["user", "disable", "ann@example.org"]).code, 1);
});

test("without a password, user create prints a one-time sign-in link that works once", async () => {
  const created = cli([
    "user",
    "create",
    "--email",
    "ed@example.org",
    "--name",
    "Ed Itor",
    "--role",
    "editor",
    "--base-url",
    "http://desk.test",
  ]);
  assert.equal(created.code, 0, created.stderr);
  const link = /http:\/\/desk\.test(\/desk\/sign-in\/[A-Za-z0-9_-]{43})\n/.exec(created.stdout)?.[1];
  assert.ok(link, created.stdout);
  const store = await openStore(tmp.path);
  const server = await startServer({
    store,
    port: 0,
    writeApi: createEditorialApi({ store, schedulerIntervalMs: 0 }),
    desk: {},
  });
  try {
    const use = async () => {
      const form = await fetch(`${server.url}${link}`);
      const cookie = form.headers.getSetCookie()[0].split(";")[0];
      const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())![1];
      return fetch(`${server.url}${link}`, {
        method: "POST",
        headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrf }).toString(),
        redirect: "manual",
      });
    };
    const first = await use();
    assert.equal(first.status, 303);
    assert.equal(first.headers.get("location"), "/desk/password");
    assert.ok(first.headers.getSetCookie().some((c) => c.startsWith("nd_session=")));
    const second = await use();
    assert.equal(second.status, 401, "a link works once");
  } finally {
    await server.close();
    await store.close();
  }
});
