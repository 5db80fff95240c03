import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import sharp from "sharp";
import type { ImageBlock } from "../../src/blocks/image/schema.ts";
import type { Article } from "../../src/model/article.ts";
import { openStore } from "../../src/store/open.ts";
import type { Store } from "../../src/store/store.ts";
import { runCliAsync } from "../support/cli.ts";

/**
 * `import --images copy`: a saved page's images are fetched from their source (here a server on
 * 127.0.0.1 that the test runs, as there is no other network) into the media library, and the
 * article's image blocks point at our renditions. Images that cannot be copied are reported.
 */
let server: Server;
let origin = "";
let dir = "";
const requests: string[] = [];

before(async () => {
  const files: Record<string, { type: string; body: Buffer }> = {
    "/photos/quay.jpg": {
      type: "image/jpeg",
      body: await sharp({ create: { width: 1400, height: 900, channels: 3, background: "#2b5d7a" } })
        .jpeg()
        .toBuffer(),
    },
    "/photos/lead.png": {
      type: "image/png",
      body: await sharp({ create: { width: 1300, height: 700, channels: 3, background: "#c08a30" } })
        .png()
        .toBuffer(),
    },
    "/photos/fake.jpg": { type: "image/jpeg", body: Buffer.from("<html><body>not an image</body></html>") },
  };
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    const file = files[req.url ?? ""];
    if (!file) {
      res.writeHead(404).end("not here");
      return;
    }
    res.writeHead(200, { "content-type": file.type, "content-length": file.body.length }).end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), "newsdesk-import-images-"));
});
after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

async function onlyArticle(store: Store): Promise<Article> {
  const all: Article[] = [];
  for await (const s of store.articles.all()) all.push(s.article);
  assert.equal(all.length, 1);
  return all[0];
}

const paragraph = (n: number) =>
  `<p>Paragraph ${n} of the story: the harbour authority in Quillhaven said on Monday that the old quay would be rebuilt in stone, with work starting in the spring and lasting most of the year.</p>`;

function page(): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Quillhaven quay to be rebuilt</title>
<meta property="og:image" content="${origin}/photos/lead.png">
<link rel="canonical" href="https://example.org/news/quay-rebuilt">
</head><body><article>
<h1>Quillhaven quay to be rebuilt</h1>
${paragraph(1)}
<figure><img src="${origin}/photos/quay.jpg" alt="The old quay at low tide"><figcaption>The quay today. Photograph: Ann Tide</figcaption></figure>
${paragraph(2)}
<figure><img src="${origin}/photos/missing.jpg" alt="A missing picture"><figcaption>Gone</figcaption></figure>
${paragraph(3)}
<figure><img src="${origin}/photos/fake.jpg" alt="A page pretending to be a picture"><figcaption>Fake</figcaption></figure>
${paragraph(4)}
</article></body></html>`;
}

test("import --images copy puts the page's images through the media library", async () => {
  const pagePath = join(dir, "quay.html");
  writeFileSync(pagePath, page());
  const db = join(dir, "copy.db");
  const result = await runCliAsync(["import", "--images", "copy", "--db", db, pagePath]);
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /imported 1, duplicates 0, failed 0/);
  assert.match(result.stderr, /missing\.jpg not copied \(the server answered 404\)/);
  assert.match(result.stderr, /fake\.jpg not copied \(the file is not an image/);

  const store = await openStore(db);
  try {
    const stored = await onlyArticle(store);
    const images = stored.blocks.filter((b): b is ImageBlock => b.type === "image");
    const bySource = (alt: string) => images.find((b) => b.alt === alt)!;
    for (const alt of ["The old quay at low tide"]) {
      const image = bySource(alt);
      assert.match(image.src ?? "", /^\/media\/[a-f0-9]{20}-\d+\.jpg$/, `${alt} points at our copy`);
      assert.deepEqual(
        image.sizes.map((s) => s.width),
        [320, 640, 1024, 1400],
      );
      for (const s of image.sizes) assert.ok(existsSync(join(dir, "media", s.src.slice("/media/".length))), s.src);
      const id = /\/media\/([a-f0-9]{20})-/.exec(image.src!)![1];
      const row = await store.media.mediaById(id);
      assert.equal(row?.alt, alt);
      assert.equal(row?.originalName, `${origin}/photos/quay.jpg`);
    }
    // The lead image (og:image) opens the body and is copied too.
    const lead = images.find((b) => b.src?.includes("/media/") && b.width === 1300);
    assert.ok(lead, `the lead image is copied: ${JSON.stringify(images.map((b) => b.src))}`);
    // What could not be copied still points at its source.
    assert.equal(bySource("A missing picture").src, `${origin}/photos/missing.jpg`);
    assert.equal(bySource("A page pretending to be a picture").src, `${origin}/photos/fake.jpg`);
    assert.ok(!images.some((b) => b.sizes.some((s) => s.src.startsWith(origin))));
  } finally {
    await store.close();
  }
  // One request per image address.
  assert.equal(requests.filter((r) => r === "/photos/quay.jpg").length, 1);
});

test("without --images copy the images stay where they are; a wrong mode is refused", async () => {
  const pagePath = join(dir, "keep.html");
  writeFileSync(pagePath, page().replace("quay-rebuilt", "quay-kept"));
  const db = join(dir, "keep.db");
  const before = requests.length;
  const result = await runCliAsync(["import", "--db", db, pagePath]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(requests.length, before, "nothing fetched");
  const store = await openStore(db);
  try {
    const stored = await onlyArticle(store);
    const image = stored.blocks.find((b) => b.type === "image" && b.alt === "The old quay at low tide");
    assert.equal((image as ImageBlock).src, `${origin}/photos/quay.jpg`);
  } finally {
    await store.close();
  }
  const wrong = await runCliAsync(["import", "--images", "fetch", "--db", db, pagePath]);
  assert.notEqual(wrong.code, 0);
  assert.match(wrong.stderr, /--images must be keep or copy, not fetch/);
  assert.doesNotMatch(wrong.stderr, /\n\s+at /);
});
