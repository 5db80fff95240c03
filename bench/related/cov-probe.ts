// quick coverage probe (no judged pairs)
import { mkdtempSync } from "node:fs"; import { tmpdir } from "node:os"; import { join } from "node:path";
import { afterArticlesStored } from "../../src/enrich/after-store.ts";
import { relatedTiers } from "../../src/enrich/related/related.ts";
import { saveArticles } from "../../src/store/articles.ts";
import { openStore } from "../../src/store/open.ts";
import { corpusId, corpusPaths, readCorpusArticle } from "../../bench/related/corpus.ts";
const store = await openStore(join(mkdtempSync(join(tmpdir(), "cov-")), "c.db"));
const paths = corpusPaths();
for (let i = 0; i < paths.length; i += 100) { const part = paths.slice(i, i + 100);
  await saveArticles(store, part.map((p) => ({ article: readCorpusArticle(p) }))); await afterArticlesStored(store, part.map(corpusId)); }
let three = 0, any = 0, sec = 0; const samples: string[] = [];
for (const [i, p] of paths.entries()) { const { first, second } = await relatedTiers(store, corpusId(p));
  const n = first.length + (second?.stories.length ?? 0); if (n >= 3) three++; if (n > 0) any++; if (second) sec++;
  if (second && i % 97 === 0) samples.push(`${p}: ${first.length} first; ${second.title}: ${second.stories.map((s) => s.headline).join(" | ")}`); }
console.log({ three: three / paths.length, any, sec }); console.log(samples.join("\n")); await store.close();
