import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { GetObjectCommand, HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import sharp from "sharp";
import { createToken } from "../../src/auth/tokens.ts";
import { MEDIA_CACHE_CONTROL, s3MediaStorage } from "../../src/media/s3-storage.ts";
import { MediaConfigError, mediaStorageFor } from "../../src/media/storage.ts";
import { createEditorialApi } from "../../src/web/api/editorial.ts";
import { startServer } from "../../src/web/server.ts";
import { runCli } from "../support/cli.ts";
import { tempStore } from "../support/stores.ts";

/**
 * The media library in an S3-compatible object store: s3rver (an S3 server in-process, started by
 * the test on 127.0.0.1) behind the same MediaStorage interface as the local folder, driven by the
 * AWS SDK's own S3 client.
 */
const BUCKET = "newsdesk-media";
const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
let s3: S3rver;
let endpoint = "";
let dir = "";

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "newsdesk-s3-"));
  s3 = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: dir,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const address = await s3.run();
  endpoint = `http://127.0.0.1:${address.port}`;
});
after(async () => {
  await s3?.close();
  rmSync(dir, { recursive: true, force: true });
});

const client = () => new S3Client({ region: "us-east-1", endpoint, forcePathStyle: true, credentials });

test("files round-trip through the S3 adapter, with a year-long cache header; missing files are null", async () => {
  const storage = s3MediaStorage({ bucket: BUCKET, prefix: "site-a/", endpoint, credentials });
  const bytes = Buffer.from("not really a jpeg, but bytes are bytes");
  await storage.put("0123456789abcdef0123-320.jpg", bytes, "image/jpeg");
  assert.deepEqual(await storage.get("0123456789abcdef0123-320.jpg"), bytes);
  assert.equal(await storage.get("0123456789abcdef0123-640.jpg"), null);
  assert.equal(await storage.get("../etc/passwd"), null);
  await assert.rejects(storage.put("../escape.jpg", bytes, "image/jpeg"), /bad media name/);

  const head = await client().send(
    new HeadObjectCommand({ Bucket: BUCKET, Key: "site-a/0123456789abcdef0123-320.jpg" }),
  );
  assert.equal(head.ContentType, "image/jpeg");
  assert.equal(head.CacheControl, MEDIA_CACHE_CONTROL);
  // Another prefix is another library.
  const other = s3MediaStorage({ bucket: BUCKET, prefix: "site-b/", endpoint, credentials });
  assert.equal(await other.get("0123456789abcdef0123-320.jpg"), null);
});

test("an upload through the API lands in the bucket and the site serves it from there", async () => {
  const t = await tempStore("sqlite");
  const media = s3MediaStorage({ bucket: BUCKET, prefix: "uploads/", endpoint, credentials });
  const server = await startServer({
    store: t.store,
    port: 0,
    writeApi: createEditorialApi({ store: t.store, schedulerIntervalMs: 0, media }),
    media,
  });
  try {
    const { token } = await createToken(t.store, "writer", "test");
    const form = new FormData();
    const jpeg = await sharp({ create: { width: 900, height: 600, channels: 3, background: "#336699" } })
      .jpeg()
      .toBuffer();
    form.set("file", new Blob([new Uint8Array(jpeg)], { type: "image/jpeg" }), "sea.jpg");
    form.set("alt", "The sea");
    const response = await fetch(`${server.url}/api/media`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    assert.equal(response.status, 201, await response.clone().text());
    const { block } = (await response.json()) as { block: { src: string; sizes: { src: string }[] } };
    const name = block.src.slice("/media/".length);
    const object = await client().send(new GetObjectCommand({ Bucket: BUCKET, Key: `uploads/${name}` }));
    const stored = Buffer.from(await object.Body!.transformToByteArray());
    assert.equal((await sharp(stored).metadata()).width, 900);
    const served = await fetch(`${server.url}${block.src}`);
    assert.equal(served.status, 200);
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), stored);
    assert.match(served.headers.get("cache-control") ?? "", /immutable/);
    // The kept original is in the bucket but not served.
    const id = name.slice(0, 20);
    await client().send(new HeadObjectCommand({ Bucket: BUCKET, Key: `uploads/${id}-source.jpg` }));
    assert.equal((await fetch(`${server.url}/media/${id}-source.jpg`)).status, 404);
  } finally {
    await server.close();
    await t.cleanup();
  }
});

test("NEWSDESK_MEDIA / --media choose the storage; a malformed one is refused with a message", async () => {
  assert.match(mediaStorageFor("/data/newsdesk.db", undefined).location, /^\/data\/media$/);
  assert.equal(mediaStorageFor("/data/newsdesk.db", "/srv/media").location, "/srv/media");
  const saved = process.env.NEWSDESK_S3_ENDPOINT;
  process.env.NEWSDESK_S3_ENDPOINT = endpoint;
  try {
    const storage = mediaStorageFor("/data/newsdesk.db", "s3://newsdesk-media/from-env");
    assert.equal(storage.location, `s3://newsdesk-media/from-env/ at ${endpoint}`);
  } finally {
    if (saved === undefined) delete process.env.NEWSDESK_S3_ENDPOINT;
    else process.env.NEWSDESK_S3_ENDPOINT = saved;
  }
  assert.throws(() => mediaStorageFor("x.db", "s3://"), MediaConfigError);
  assert.throws(() => mediaStorageFor("x.db", "s3://Bad_Bucket"), MediaConfigError);

  const result = runCli(["serve", "--db", join(dir, "cli.db"), "--port", "0", "--media", "s3://"]);
  assert.notEqual(result.code, 0);
  assert.match(result.stderr, /media storage s3:\/\/: give s3:\/\/BUCKET/);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
});
