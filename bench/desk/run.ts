/**
 * The desk benchmark: the desk bundle's size (gzipped), the image processing time per upload, and
 * the time from "Publish" to the page being served. Times are medians, each with a baseline from the
 * same run: a single full-size JPEG re-encode for uploads, a cached article page fetch for publish.
 * Run: node --import tsx bench/desk/run.ts [--uploads 5] [--publishes 10]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { createToken } from "../../src/auth/tokens.ts";
import { processImage } from "../../src/media/process.ts";
import { localMediaStorage } from "../../src/media/storage.ts";
import { sectionSlug } from "../../src/model/article.ts";
import { seedSampleNewsroom } from "../../src/sample/seed.ts";
import { openStore } from "../../src/store/open.ts";
import { createEditorialApi } from "../../src/web/api/editorial.ts";
import { buildDeskBundle } from "../../src/web/desk/bundle.ts";
import { startServer } from "../../src/web/server.ts";

const { values } = parseArgs({ options: { uploads: { type: "string" }, publishes: { type: "string" } } });
const uploads = Number(values.uploads ?? 5);
const publishes = Number(values.publishes ?? 10);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

// 1. Bundle size.
const bundle = await buildDeskBundle();

// 2. Image processing per upload: a 3000×2000 photo-like JPEG (gradient and noise, ~6 MP).
const width = 3000;
const height = 2000;
const noise = await sharp({
  create: { width, height, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 40 } },
})
  .raw()
  .toBuffer();
const photo = await sharp(noise, { raw: { width, height, channels: 3 } })
  .composite([
    {
      input: Buffer.from(
        `<svg width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#2a5d8f" stop-opacity=".8"/><stop offset="1" stop-color="#e3b04b" stop-opacity=".8"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`,
      ),
    },
  ])
  .jpeg({ quality: 88 })
  .toBuffer();
const baseline: number[] = [];
const upload: number[] = [];
let files = 0;
let outBytes = 0;
for (let i = 0; i < uploads; i++) {
  let t = process.hrtime.bigint();
  await sharp(photo).jpeg({ quality: 80 }).toBuffer();
  baseline.push(ms(t));
  t = process.hrtime.bigint();
  const processed = await processImage(photo);
  upload.push(ms(t));
  files = processed.files.length;
  outBytes = processed.files.reduce((n, f) => n + f.bytes.length, 0);
}

// 3. Publish → served: a draft published through the API, then the article page polled until it is served.
const dir = mkdtempSync(join(tmpdir(), "newsdesk-bench-desk-"));
const store = await openStore(join(dir, "newsdesk.db"));
await seedSampleNewsroom(store);
const server = await startServer({
  store,
  port: 0,
  writeApi: createEditorialApi({ store, schedulerIntervalMs: 0, rateLimits: false }),
  desk: {},
  media: localMediaStorage(join(dir, "media")),
});
const token = (await createToken(store, "editor", "bench")).token;
const api = (method: string, path: string, body?: unknown, ifMatch?: string) =>
  fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      "content-type": "application/json",
      ...(ifMatch ? { "if-match": ifMatch } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const toServed: number[] = [];
const cachedFetch: number[] = [];
for (let i = 0; i < publishes; i++) {
  const created = await api("POST", "/api/articles", {
    headline: `Benchmark story number ${i} about the harbour`,
    section: "Politics",
    summary: "Benchmark.",
    blocks: [{ type: "paragraph", text: "The council met on Tuesday to discuss the harbour wall again." }],
  });
  const { article } = (await created.json()) as { article: { id: string; slug: string; section: string } };
  const path = `/news/${sectionSlug(article.section)}/${article.slug}`;
  const t = process.hrtime.bigint();
  const published = await api("POST", `/api/articles/${article.id}/publish`, undefined, '"1"');
  if (published.status !== 200) throw new Error(`publish: ${published.status}`);
  for (;;) {
    const page = await fetch(`${server.url}${path}`);
    const html = await page.text();
    if (page.status === 200 && html.includes(`Benchmark story number ${i} about`)) break;
  }
  toServed.push(ms(t));
  const c = process.hrtime.bigint();
  await (await fetch(`${server.url}${path}`)).text();
  cachedFetch.push(ms(c));
}
await server.close();
await store.close();
rmSync(dir, { recursive: true, force: true });

const up = median(upload);
const base = median(baseline);
const pub = median(toServed);
const cached = median(cachedFetch);
process.stdout.write(
  `${[
    "| Measure | Value | Baseline (same run) | Ratio |",
    "| --- | --- | --- | --- |",
    `| Desk bundle (${bundle.file}) | ${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzipped (${(bundle.bytes / 1024).toFixed(0)} KiB raw) | — | — |`,
    `| Image processing per upload (${width}×${height} JPEG → ${files} files, ${(outBytes / 1024).toFixed(0)} KiB; median of ${uploads}) | ${up.toFixed(0)} ms | one full-size JPEG re-encode: ${base.toFixed(0)} ms | ${(up / base).toFixed(1)}× |`,
    `| "Publish" → article page served (median of ${publishes}) | ${pub.toFixed(1)} ms | cached article page fetch: ${cached.toFixed(1)} ms | ${(pub / cached).toFixed(1)}× |`,
  ].join("\n")}\n`,
);
