/**
 * Builds the copied-text corpus: every saved page of ../shared/data/readability-news-pages and
 * ../shared/data/article-extraction-benchmark opened in Debian chromium with the network blocked,
 * and its rendered `document.body.innerText` taken — what a reader gets by select-all and copy,
 * page furniture and all — with the structure the page's HTML says the article has.
 *
 *   node --import tsx bench/copied-text/make-corpus.ts [--out DIR] [--part tune]   (default .cache/copied-text, gitignored)
 *
 * The copies are derived from research-only pages: they stay in the cache, never in the repository.
 * Page scripts are off (the saved HTML is what renders; most scripts would fail without network anyway).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { type PageProbe, probePage } from "./page-probe.ts";
import { partOf } from "./split.ts";
import { type CorpusPage, normText, type PageTruth, tokenF1 } from "./truth.ts";

const here = dirname(fileURLToPath(import.meta.url));
const SHARED = join(here, "../../../shared/data");
const READABILITY = join(SHARED, "readability-news-pages");
const BENCHMARK = join(SHARED, "article-extraction-benchmark");

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.NEWSDESK_CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

async function probe(page: Page, html: string, anchors: string[]): Promise<PageProbe> {
  await page.setContent(html, { waitUntil: "domcontentloaded", timeout: 60_000 });
  // tsx names functions through a helper the page does not have.
  await page.evaluate("globalThis.__name = (f) => f");
  return page.evaluate(probePage, anchors);
}

// ---- metadata: JSON-LD first, then meta tags --------------------------------------------------

type Json = Record<string, unknown>;

function jsonLdObjects(scripts: string[]): Json[] {
  const out: Json[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") {
      out.push(v as Json);
      if ("@graph" in (v as Json)) visit((v as Json)["@graph"]);
    }
  };
  for (const s of scripts) {
    try {
      visit(JSON.parse(s));
    } catch {
      // A broken JSON-LD block says nothing.
    }
  }
  return out;
}

function names(v: unknown): string[] {
  if (!v) return [];
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === "object" && typeof (v as Json).name === "string") return [(v as Json).name as string];
  return [];
}

function isoDay(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

function pageDate(p: PageProbe, objects: Json[], fallback?: string | null): string | undefined {
  for (const o of objects) {
    const d = isoDay(o.datePublished as string);
    if (d) return d;
  }
  return (
    isoDay(fallback) ??
    isoDay(p.meta["article:published_time"]) ??
    isoDay(p.meta.datepublished) ??
    isoDay(p.meta.date) ??
    isoDay(p.meta["dc.date"]) ??
    isoDay(p.meta.time)
  );
}

function pageAuthors(p: PageProbe, objects: Json[], fallback?: string | null): string[] {
  const fromLd = objects.flatMap((o) => (o.author ? names(o.author) : []));
  const raw = fromLd.length ? fromLd : fallback ? [fallback] : p.meta.author ? [p.meta.author] : [];
  return raw
    .flatMap((r) => r.replace(/^\s*by\s+/i, "").split(/\s*(?:,|\band\b|&)\s*/))
    .map((s) => s.trim())
    .filter((s) => /\p{Lu}/u.test(s) && s.split(/\s+/).length >= 2 && s.split(/\s+/).length <= 5);
}

/** The page's headline: its h1 that agrees with the title, else the title itself. */
function pageHeadline(p: PageProbe, objects: Json[], title?: string | null): string | undefined {
  const ldHeadline = objects.map((o) => o.headline).find((h): h is string => typeof h === "string");
  const titles = [title, p.meta["og:title"], ldHeadline, p.title].filter((t): t is string => !!t);
  let best: string | undefined;
  let bestScore = 0;
  for (const h of p.h1s) {
    for (const t of titles) {
      const score = tokenF1(h, t);
      if (score > bestScore) {
        bestScore = score;
        best = h;
      }
    }
  }
  if (best && bestScore >= 0.5) return best;
  return titles[0];
}

// ---- truth ------------------------------------------------------------------------------------

function emptyTruth(): PageTruth {
  return {
    crossheads: [],
    paragraphs: [],
    imageCaptions: [],
    mediaCaptions: [],
    listItems: [],
    byline: [],
  };
}

/**
 * Keeps only what the copy contains: an element the copy does not show (hidden by the page's own
 * CSS, or a metadata value never printed) cannot be asked of a text importer.
 */
function keepVisible(truth: PageTruth, copy: string): { truth: PageTruth; dropped: number } {
  const hay = normText(copy);
  let dropped = 0;
  const visible = (t: string) => {
    const ok = hay.includes(normText(t));
    if (!ok) dropped++;
    return ok;
  };
  const out: PageTruth = {
    headline: truth.headline && visible(truth.headline) ? truth.headline : undefined,
    crossheads: truth.crossheads.filter(visible),
    paragraphs: truth.paragraphs.filter(visible),
    imageCaptions: truth.imageCaptions.filter(visible),
    mediaCaptions: truth.mediaCaptions.filter(visible),
    listItems: truth.listItems.filter(visible),
    byline: truth.byline.filter(visible),
    // A date counts when its year is printed somewhere on the page.
    date: truth.date && copy.includes(truth.date.slice(0, 4)) ? truth.date : undefined,
  };
  if (truth.date && !out.date) dropped++;
  return { truth: out, dropped };
}

function addCaptions(truth: PageTruth, blocks: PageProbe["blocks"]): void {
  for (const b of blocks) {
    if (b.kind !== "caption") continue;
    const list = b.media ? truth.mediaCaptions : truth.imageCaptions;
    if (!list.includes(b.text)) list.push(b.text);
  }
}

async function readabilityPage(page: Page, name: string): Promise<CorpusPage> {
  const dir = join(READABILITY, name);
  const metadata = JSON.parse(readFileSync(join(dir, "expected-metadata.json"), "utf8")) as {
    title: string | null;
    byline: string | null;
    publishedTime: string | null;
  };
  // The article as Readability's test suite expects it: headings, paragraphs, list items.
  const expected = await probe(page, readFileSync(join(dir, "expected.html"), "utf8"), []);
  const truth = emptyTruth();
  for (const b of expected.blocks) {
    if (b.kind === "heading") truth.crossheads.push(b.text);
    else if (b.kind === "paragraph" && !b.linkOnly) truth.paragraphs.push(b.text);
    else if (b.kind === "list-item" && !b.linkOnly) truth.listItems.push(b.text);
  }
  // Captions from the page itself (Readability drops video figures), inside the article it found.
  const source = await probe(page, readFileSync(join(dir, "source.html"), "utf8"), truth.paragraphs);
  addCaptions(truth, source.blocks);
  const objects = jsonLdObjects(source.jsonLd);
  truth.headline = pageHeadline(source, objects, metadata.title);
  truth.crossheads = truth.crossheads.filter((c) => normText(c) !== normText(truth.headline ?? ""));
  truth.byline = pageAuthors(source, objects, metadata.byline);
  truth.date = pageDate(source, objects, metadata.publishedTime);
  const { truth: visible, dropped } = keepVisible(truth, source.copy);
  return { id: `readability/${name}`, part: partOf(`readability/${name}`), copy: source.copy, truth: visible, dropped };
}

async function benchmarkPage(page: Page, id: string, articleBody: string): Promise<CorpusPage> {
  const lines = articleBody
    .split("\n")
    .map((l) => l.replace(/[\s\u00a0]+/g, " ").trim())
    .filter(Boolean);
  const source = await probe(page, readFileSync(join(BENCHMARK, "html", `${id}.html`), "utf8"), lines);
  const objects = jsonLdObjects(source.jsonLd);
  const truth = emptyTruth();
  truth.headline = pageHeadline(source, objects);
  // Each ground-truth line is what the page's markup says it is; a line not found as one element is prose.
  const kindOf = new Map<string, (typeof source.blocks)[number]>();
  for (const b of source.blocks) if (!kindOf.has(normText(b.text))) kindOf.set(normText(b.text), b);
  for (const line of lines) {
    const b = kindOf.get(normText(line));
    if (normText(line) === normText(truth.headline ?? "")) continue;
    if (b?.kind === "heading") truth.crossheads.push(line);
    else if (b?.kind === "list-item") {
      if (!b.linkOnly) truth.listItems.push(line);
    } else if (b?.kind === "caption") (b.media ? truth.mediaCaptions : truth.imageCaptions).push(line);
    else if (!b?.linkOnly) truth.paragraphs.push(line);
  }
  addCaptions(truth, source.blocks);
  truth.byline = pageAuthors(source, objects);
  truth.date = pageDate(source, objects);
  const { truth: visible, dropped } = keepVisible(truth, source.copy);
  return { id: `benchmark/${id}`, part: partOf(`benchmark/${id}`), copy: source.copy, truth: visible, dropped };
}

async function main(): Promise<void> {
  const out = argValue("--out") ?? join(here, "../../.cache/copied-text");
  // --part tune: only the tune pages (what the tests need; the sealed part is never built for them).
  const onlyPart = argValue("--part");
  mkdirSync(out, { recursive: true });
  const browser = await launch();
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  // Only the saved HTML renders: no request leaves the machine.
  await context.route("**/*", (route) => route.abort());
  const page = await context.newPage();
  const pages: CorpusPage[] = [];
  const readability = readdirSync(READABILITY, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const name of readability) {
    if (onlyPart && partOf(`readability/${name}`) !== onlyPart) continue;
    try {
      pages.push(await readabilityPage(page, name));
    } catch (error) {
      process.stderr.write(`readability/${name}: ${(error as Error).message.split("\n")[0]}\n`);
    }
  }
  const truth = JSON.parse(readFileSync(join(BENCHMARK, "ground-truth.json"), "utf8")) as Record<
    string,
    { articleBody: string }
  >;
  const ids = readdirSync(join(BENCHMARK, "html"))
    .filter((f) => f.endsWith(".html"))
    .map((f) => f.replace(/\.html$/, ""))
    .sort();
  for (const id of ids) {
    if (onlyPart && partOf(`benchmark/${id}`) !== onlyPart) continue;
    try {
      pages.push(await benchmarkPage(page, id, truth[id].articleBody));
    } catch (error) {
      process.stderr.write(`benchmark/${id}: ${(error as Error).message.split("\n")[0]}\n`);
    }
    if (pages.length % 20 === 0) process.stderr.write(`${pages.length} pages\n`);
  }
  await browser.close();
  writeFileSync(join(out, "corpus.json"), JSON.stringify(pages));
  const sealed = pages.filter((p) => p.part === "sealed").length;
  process.stdout.write(
    `${pages.length} pages (${pages.length - sealed} tune, ${sealed} sealed) → ${out}/corpus.json\n`,
  );
}

await main();
