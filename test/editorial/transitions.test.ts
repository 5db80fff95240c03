import assert from "node:assert/strict";
import { test } from "node:test";
import type { Actor } from "../../src/editorial/actor.ts";
import { allowedTransition, minimumRole, TRANSITIONS, targetStatus } from "../../src/editorial/transitions.ts";

const as = (role: Actor["role"]): Actor => ({ id: role, name: role, role });

test("each route's least role comes from the table", () => {
  assert.equal(minimumRole("create"), "writer");
  assert.equal(minimumRole("update"), "writer");
  for (const action of ["publish", "unpublish", "schedule", "embargo", "delete", "restore", "correction"] as const) {
    assert.equal(minimumRole(action), "editor", action);
  }
});

test("a writer edits drafts but not live articles; an editor edits both", () => {
  assert.equal(allowedTransition(as("writer"), "update", "draft").role, "writer");
  assert.throws(() => allowedTransition(as("writer"), "update", "published"), { name: "ForbiddenError" });
  assert.equal(allowedTransition(as("editor"), "update", "published").to, "same");
});

test("moves the table does not list are refused as state conflicts", () => {
  assert.throws(() => allowedTransition(as("admin"), "publish", "deleted"), { name: "StateError" });
  assert.throws(() => allowedTransition(as("admin"), "schedule", "published"), /unpublish it first/);
  assert.throws(() => allowedTransition(as("admin"), "restore", "draft"), /not deleted/);
  assert.throws(() => allowedTransition(as("writer"), "create", "new", "published"), { name: "ForbiddenError" });
});

test("a restored article goes back to its status before the delete; a lost schedule becomes a draft", () => {
  const restore = TRANSITIONS.find((t) => t.action === "restore")!;
  assert.equal(targetStatus(restore, "deleted", "published"), "published");
  assert.equal(targetStatus(restore, "deleted", "scheduled"), "draft");
  assert.equal(targetStatus(restore, "deleted", undefined), "draft");
});

test("no action has two rows leaving the same status", () => {
  const seen = new Set<string>();
  for (const t of TRANSITIONS.filter((row) => row.action !== "create")) {
    for (const from of t.from) {
      const key = `${t.action} ${from}`;
      assert.ok(!seen.has(key), key);
      seen.add(key);
    }
  }
});
