/**
 * Enrichment speed over the BBC 2004-2005 corpus (2,225 articles): words per second on one
 * core (Node runs enrichment on one thread) for the whole of enrichArticle, and peak memory.
 * compromise (people, places, organisations only) is measured in the same run as a baseline,
 * on every fourth article to keep the run short.
 *
 *   node --import tsx bench/enrich/run.ts [CORPUS_DIR]
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import nlp from "compromise";
import { enrichArticle } from "../../src/enrich/enrich.ts";
import { textImporter } from "../../src/ingest/text/text-importer.ts";
import { type Article, articleText, parseArticle } from "../../src/model/article.ts";

const corpus = process.argv[2] ?? new URL("../../../shared/data/bbc-news-2005", import.meta.url).pathname;

const articles: Article[] = [];
for (const section of readdirSync(corpus, { withFileTypes: true })) {
  if (!section.isDirectory()) continue;
  for (const name of readdirSync(join(corpus, section.name)).sort()) {
    if (!name.endsWith(".txt")) continue;
    const path = join(corpus, section.name, name);
    const [input] = textImporter.parse({ name: path, bytes: readFileSync(path), defaultSection: section.name }) as [
      Parameters<typeof parseArticle>[0],
    ];
    articles.push(parseArticle(input));
  }
}

const fullText = (a: Article) => [a.headline, a.summary, articleText(a)].filter(Boolean).join("\n");
const countWords = (text: string) => text.match(/\S+/g)?.length ?? 0;
const words = articles.reduce((n, a) => n + countWords(fullText(a)), 0);

// The first call loads the weights; time it apart from the steady state.
const loadStarted = performance.now();
enrichArticle(articles[0]);
const loadMs = performance.now() - loadStarted;

const started = performance.now();
const cpuStarted = process.cpuUsage();
let people = 0;
let quotes = 0;
let figures = 0;
for (const a of articles) {
  const e = enrichArticle(a);
  people += e.people.length;
  quotes += e.quotes.length;
  figures += e.figures.length;
}
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuStarted);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const peakRss = process.resourceUsage().maxRSS / 1024;

const sample = articles.filter((_, i) => i % 4 === 0);
const sampleWords = sample.reduce((n, a) => n + countWords(fullText(a)), 0);
const compromiseStarted = performance.now();
const compromiseCpuStarted = process.cpuUsage();
for (const a of sample) {
  const doc = nlp(fullText(a));
  doc.people().out("array");
  doc.places().out("array");
  doc.organizations().out("array");
}
const compromiseSeconds = (performance.now() - compromiseStarted) / 1000;
const compromiseCpu = process.cpuUsage(compromiseCpuStarted);
const compromiseCpuSeconds = (compromiseCpu.user + compromiseCpu.system) / 1e6;

// CPU time is what one core spent; on a shared machine wall time also counts waiting for the CPU.
const ours = words / cpuSeconds;
const theirs = sampleWords / compromiseCpuSeconds;
console.log(`corpus: ${articles.length} articles, ${words.toLocaleString("en")} words (headline, summary and body)`);
console.log(`weights load: ${loadMs.toFixed(0)} ms (once per process)`);
console.log(
  `newsdesk enrichArticle: ${cpuSeconds.toFixed(2)} s CPU (${seconds.toFixed(2)} s wall), ${Math.round(ours).toLocaleString("en")} words/s per core (${Math.round(words / seconds).toLocaleString("en")} by wall clock); ${people} people, ${quotes} quotes, ${figures} figures`,
);
console.log(
  `compromise people/places/organizations (${sample.length} articles): ${Math.round(theirs).toLocaleString("en")} words/s per core (${Math.round(sampleWords / compromiseSeconds).toLocaleString("en")} by wall clock); newsdesk is ${(ours / theirs).toFixed(1)}x`,
);
console.log(
  `peak RSS: ${peakRss.toFixed(0)} MB (process peak after enrichment, all 2,225 articles held in memory; compromise runs after)`,
);
