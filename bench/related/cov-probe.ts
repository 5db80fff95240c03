/** Share of corpus articles whose page shows >= 3 related stories (both tiers); no judged pairs read. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterArticlesStored } from "../../src/enrich/after-store.ts";
import { relatedTiers } from "../../src/enrich/related/related.ts";
import { saveArticles } from "../../src/store/articles.ts";
import { openStore } from "../../src/store/open.ts";
import { corpusId, corpusPaths, readCorpusArticle } from "./corpus.ts";

const tmp = mkdtempSync(join(tmpdir(), "newsdesk-cov-"));
const store = await openStore(join(tmp, "c.db"));
try {
  const paths = corpusPaths();
  for (let i = 0; i < paths.length; i += 100) {
    const part = paths.slice(i, i + 100);
    await saveArticles(
      store,
      part.map((p) => ({ article: readCorpusArticle(p) })),
    );
    await afterArticlesStored(store, part.map(corpusId));
  }
  let three = 0;
  for (const p of paths) {
    const { first, second } = await relatedTiers(store, corpusId(p));
    if (first.length + (second?.stories.length ?? 0) >= 3) three++;
  }
  console.log(`both tiers show >= 3 on ${three}/${paths.length} = ${(three / paths.length).toFixed(3)}`);
} finally {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
}
