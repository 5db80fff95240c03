/**
 * Related stories and duplicates on the BBC 2005 corpus: imports it into a fresh store in
 * batches of 100 (running the after-store hook per batch, as the importer does), then reports
 * duplicates against DUPLICATES.txt, topic precision@5, precision on the judged pairs at the
 * site's cut-off, the same for a plain TF-IDF baseline, and story threads.
 *
 *   npx tsx bench/related/run.ts [--db postgres://…]   (default: a temporary SQLite file)
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterArticlesStored } from "../../src/enrich/after-store.ts";
import { listDuplicates } from "../../src/enrich/duplicates/duplicates.ts";
import { loadFeatures } from "../../src/enrich/related/compute.ts";
import { relatedFor, SITE_MIN_SCORE } from "../../src/enrich/related/related.ts";
import { relatedScore } from "../../src/enrich/related/score.ts";
import { getThread, listThreads } from "../../src/enrich/threads/threads.ts";
import { saveArticles } from "../../src/store/articles.ts";
import { kyselyOf } from "../../src/store/db.ts";
import { openStore } from "../../src/store/open.ts";
import { corpusId, corpusPaths, knownDuplicatePairs, readCorpusArticle } from "./corpus.ts";
import { TfidfBaseline } from "./tfidf-baseline.ts";

interface JudgedPair {
  a: string;
  b: string;
  related: boolean;
  sampled: string;
}

const here = dirname(fileURLToPath(import.meta.url));
const judged = (
  JSON.parse(readFileSync(join(here, "../../test/fixtures/related/judged-pairs.json"), "utf8")) as {
    pairs: JudgedPair[];
  }
).pairs;

const dbArg = process.argv.indexOf("--db");
const tmp = dbArg < 0 ? mkdtempSync(join(tmpdir(), "newsdesk-related-")) : null;
const location = dbArg >= 0 ? process.argv[dbArg + 1] : join(tmp as string, "bench.db");
const store = await openStore(location);
const topicOf = (path: string) => path.split("/")[0];
const fmt = (x: number, d = 3) => x.toFixed(d);

try {
  const paths = corpusPaths();
  const pathById = new Map(paths.map((p) => [corpusId(p), p]));
  let t = performance.now();
  let hookMs = 0;
  let hookCpuMs = 0;
  for (let i = 0; i < paths.length; i += 100) {
    const part = paths.slice(i, i + 100);
    await saveArticles(
      store,
      part.map((p) => ({ article: readCorpusArticle(p) })),
    );
    const h = performance.now();
    const c = process.cpuUsage();
    await afterArticlesStored(store, part.map(corpusId));
    const used = process.cpuUsage(c);
    hookCpuMs += (used.user + used.system) / 1000;
    hookMs += performance.now() - h;
  }
  console.log(`## Related stories (${store.engine}, ${paths.length} articles)`);
  console.log(
    `import + hook: ${fmt((performance.now() - t) / 1000, 1)} s; after-store hook alone (batches of 100) ${fmt(hookMs / 1000, 1)} s wall-clock, ${fmt(hookCpuMs / paths.length, 1)} ms CPU per article (this process; SQLite runs in it)`,
  );

  // Duplicates
  const dups = await listDuplicates(store);
  const key = (a?: string, b?: string) => [a, b].sort().join("|");
  const found = new Set(dups.map((d) => key(d.first.path, d.second.path)));
  const known = knownDuplicatePairs();
  const knownFound = known.filter(([a, b]) => found.has(key(a, b))).length;
  const exact = dups.filter((d) => d.kind === "exact");
  const near = dups.filter((d) => d.kind === "near");
  console.log(
    `duplicates: ${knownFound}/${known.length} DUPLICATES.txt pairs found; ${exact.length} exact pairs in all (same text after normalizing), ${near.length} near-duplicate pairs`,
  );
  for (const d of near.slice(0, 8))
    console.log(
      `  near ${fmt(d.similarity, 2)} ${d.first.path} "${d.first.headline}" ~ ${d.second.path} "${d.second.headline}"`,
    );

  // Topic precision@5: system at the site cut-off and without it, baseline top 5.
  const dupOf = new Map<string, Set<string>>();
  for (const d of dups) {
    dupOf.set(d.first.id, (dupOf.get(d.first.id) ?? new Set()).add(d.second.id));
    dupOf.set(d.second.id, (dupOf.get(d.second.id) ?? new Set()).add(d.first.id));
  }
  const topic = async (minScore: number) => {
    let hits = 0;
    let shown = 0;
    let withAny = 0;
    for (const p of paths) {
      const list = await relatedFor(store, corpusId(p), { limit: 5, minScore });
      if (list.length > 0) withAny++;
      shown += list.length;
      hits += list.filter((r) => r.section === topicOf(p)).length;
    }
    return { precision: hits / shown, shown, withAny };
  };
  t = performance.now();
  const site = await topic(SITE_MIN_SCORE);
  const readMs = (performance.now() - t) / paths.length;
  const all = await topic(0);
  const docs = await kyselyOf(store).selectFrom("articles").select(["id", "body_text"]).execute();
  const baseline = new TfidfBaseline(docs.map((d) => ({ id: d.id, body: d.body_text })));
  let baseHits = 0;
  let baseShown = 0;
  for (const p of paths) {
    const top = baseline.top(corpusId(p), 5, dupOf.get(corpusId(p)));
    baseShown += top.length;
    baseHits += top.filter((r) => topicOf(pathById.get(r.id) ?? "") === topicOf(p)).length;
  }
  console.log(
    `topic precision@5 (weak signal: same topic folder counts as a hit):\n` +
      `  system at site cut-off ${SITE_MIN_SCORE}: ${fmt(site.precision)} (${site.shown} shown; ${site.withAny}/${paths.length} articles show at least one)\n` +
      `  system top 5, no cut-off: ${fmt(all.precision)} (${all.shown} shown)\n` +
      `  baseline TF-IDF cosine top 5: ${fmt(baseHits / baseShown)} (${baseShown} shown)\n` +
      `  relatedFor read: ${fmt(readMs, 2)} ms per article`,
  );

  // Judged pairs
  const ids = [...new Set(judged.flatMap((j) => [corpusId(j.a), corpusId(j.b)]))];
  const features = await loadFeatures(store, ids);
  const scored = judged.map((j) => {
    const fa = features.get(corpusId(j.a));
    const fb = features.get(corpusId(j.b));
    return {
      ...j,
      system: fa && fb ? relatedScore(fa, fb) : 0,
      baseline: baseline.similarity(corpusId(j.a), corpusId(j.b)),
    };
  });
  const positives = scored.filter((s) => s.related).length;
  const at = (which: "system" | "baseline", cut: number) => {
    const predicted = scored.filter((s) => s[which] >= cut);
    const tp = predicted.filter((s) => s.related).length;
    return `cut-off ${fmt(cut, 2)}: precision ${predicted.length ? fmt(tp / predicted.length) : "n/a"} (${tp}/${predicted.length}), recall ${fmt(tp / positives)} (${tp}/${positives})`;
  };
  console.log(`judged pairs: ${judged.length} (${positives} related, ${judged.length - positives} not)`);
  console.log(`  system at the site cut-off, ${at("system", SITE_MIN_SCORE)}`);
  // Each sample separately: the first pairs were used to choose weights and cut-offs, the held-out ones were not.
  for (const group of [...new Set(scored.map((s) => (s.sampled.startsWith("held out") ? s.sampled : "tuning")))]) {
    const subset = scored.filter((s) => (s.sampled.startsWith("held out") ? s.sampled : "tuning") === group);
    const shown = subset.filter((s) => s.system >= SITE_MIN_SCORE);
    const tp = shown.filter((s) => s.related).length;
    console.log(
      `    ${group} (${subset.length} pairs): precision at the cut-off ${fmt(tp / shown.length)} (${tp}/${shown.length})`,
    );
  }
  for (const c of [0.1, 0.15, 0.2, 0.25, 0.35]) console.log(`  system ${at("system", c)}`);
  for (const c of [0.05, 0.1, 0.15, 0.2, 0.3]) console.log(`  baseline ${at("baseline", c)}`);
  const wrong = scored.filter((s) => s.system >= SITE_MIN_SCORE !== s.related);
  for (const w of wrong)
    console.log(
      `  disagreement: ${w.a} ~ ${w.b} judged ${w.related ? "related" : "not related"}, score ${fmt(w.system)}`,
    );

  // Threads
  const threads = await listThreads(store);
  const sizes = threads.map((th) => th.size);
  console.log(
    `threads: ${threads.length} with 2+ articles, ${sizes.reduce((a, b) => a + b, 0)} articles in threads, largest ${sizes.slice(0, 5).join(", ")}`,
  );
  for (const th of threads.slice(0, 3)) {
    const full = await getThread(store, th.id);
    console.log(`  ${th.id}: ${full?.articles.map((a) => a.headline).join(" | ")}`);
  }
} finally {
  await store.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
