/**
 * Import throughput on the 2,225-file BBC corpus, in-process, into a fresh SQLite file.
 * Phases, each measured in this run so the ratios compare like with like:
 *   baseline     read + decode + parse (the text importer), nothing enriched or stored
 *   text import  the import pipeline without enrichment or follow-up work: read + decode + parse +
 *                validate + duplicate check + store in batches (the figure the import goal names)
 *   prepare      baseline + enrichment + validation (what `extract` does)
 *   store        storing the prepared (enriched) articles in batches as the pipeline does, no follow-up work
 *   import       the whole pipeline (`newsdesk import`): prepare + duplicates + store + afterArticlesStored
 * Wall time is reported with CPU time next to it: the machine is shared, so CPU time per article is
 * the steadier figure. Usage: node --import tsx bench/import/run.ts [--batch N]
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeText } from "../../src/ingest/encoding.ts";
import { importInputs, type PreparedFile, prepareFile } from "../../src/ingest/pipeline.ts";
import { listInputs, readInput } from "../../src/ingest/read-input.ts";
import { textImporter } from "../../src/ingest/text/text-importer.ts";
import { saveValidatedArticles } from "../../src/store/articles.ts";
import { openStore } from "../../src/store/open.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const corpus = join(root, "../shared/data/bbc-news-2005");
const inputs = ["business", "entertainment", "politics", "sport", "tech"].map((c) => join(corpus, c));
const batchArg = process.argv.indexOf("--batch");
const batchSize = batchArg > 0 ? Number(process.argv[batchArg + 1]) : 1000;

interface Phase {
  name: string;
  articles: number;
  wallMs: number;
  cpuMs: number;
}

async function measure(name: string, fn: () => Promise<number>): Promise<Phase> {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const articles = await fn();
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  return { name, articles, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const dir = mkdtempSync(join(tmpdir(), "newsdesk-bench-import-"));
try {
  const { files } = listInputs(inputs);
  const phases: Phase[] = [];

  phases.push(
    await measure("baseline: read + parse", async () => {
      let n = 0;
      for (const f of files) {
        const bytes = await readInput(f);
        decodeText(bytes);
        n += (await textImporter.parse({ name: f.name, bytes, defaultSection: f.folderSection })).length;
      }
      return n;
    }),
  );

  const textStore = await openStore(join(dir, "text-import.db"));
  phases.push(
    await measure("text import into the store (no enrichment, no related)", async () => {
      const r = await importInputs(textStore, inputs, { batchSize, enrich: false, followUp: false });
      if (r.failed.length > 0 || r.imported !== 2127) throw new Error(`text import: ${r.imported} imported`);
      return r.imported;
    }),
  );
  await textStore.close();

  const prepared: PreparedFile[] = [];
  phases.push(
    await measure("prepare: + enrich + validate", async () => {
      for (const f of files) prepared.push(await prepareFile(f));
      return prepared.reduce((n, p) => n + p.articles.length, 0);
    }),
  );

  const storeOnly = await openStore(join(dir, "store-only.db"));
  const unique = [...new Map(prepared.map((p) => [p.hash, p])).values()].flatMap((p) => p.articles);
  phases.push(
    await measure(`store: enriched articles, batches of ${batchSize}`, async () => {
      for (let i = 0; i < unique.length; i += batchSize) {
        await saveValidatedArticles(
          storeOnly,
          unique.slice(i, i + batchSize).map((article) => ({ article })),
        );
      }
      return unique.length;
    }),
  );
  await storeOnly.close();

  const store = await openStore(join(dir, "import.db"));
  let result: Awaited<ReturnType<typeof importInputs>> | undefined;
  phases.push(
    await measure("import: whole pipeline incl. afterArticlesStored", async () => {
      result = await importInputs(store, inputs, { batchSize });
      return result.imported;
    }),
  );
  await store.close();
  if (!result || result.failed.length > 0 || result.imported !== 2127 || result.duplicates.length !== 98) {
    throw new Error(`unexpected import result: ${JSON.stringify({ ...result, ids: undefined }).slice(0, 500)}`);
  }

  const baseline = phases[0];
  const rows = phases.map((p) => ({
    phase: p.name,
    articles: p.articles,
    wallSeconds: +(p.wallMs / 1000).toFixed(2),
    articlesPerSecond: Math.round(p.articles / (p.wallMs / 1000)),
    articlesPerCpuSecond: Math.round(p.articles / (p.cpuMs / 1000)),
    cpuTimeVsBaseline: +(p.cpuMs / p.articles / (baseline.cpuMs / baseline.articles)).toFixed(1),
  }));
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.table(rows);
  const load = loadavg().map((l) => +l.toFixed(2));
  console.log(`peak RSS ${peakRssMb} MB; batch size ${batchSize}; node ${process.version}; load ${load.join(" ")}`);
  writeFileSync(
    join(root, "bench/import/results.json"),
    `${JSON.stringify({ date: new Date().toISOString(), batchSize, peakRssMb, loadAverage: load, phases: rows }, null, 2)}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
