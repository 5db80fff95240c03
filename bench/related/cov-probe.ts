/** Share of corpus articles whose page shows >= 3 related stories (both tiers); no judged pairs read. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { relatedTiers } from "../../src/enrich/related/related.ts";
import { listThreads } from "../../src/enrich/threads/threads.ts";
import { openStore } from "../../src/store/open.ts";
import { corpusId, corpusPaths, storeCorpus } from "./corpus.ts";

const tmp = mkdtempSync(join(tmpdir(), "newsdesk-cov-"));
const store = await openStore(join(tmp, "c.db"));
try {
  const paths = corpusPaths();
  await storeCorpus(store, paths);
  let three = 0;
  for (const p of paths) {
    const { first, second } = await relatedTiers(store, corpusId(p));
    if (first.length + (second?.stories.length ?? 0) >= 3) three++;
  }
  const threads = await listThreads(store);
  console.log(
    `threads: ${threads.length}, ${threads.reduce((n, t) => n + t.size, 0)} articles, largest ${threads
      .slice(0, 5)
      .map((t) => t.size)
      .join(", ")}`,
  );
  console.log(`both tiers show >= 3 on ${three}/${paths.length} = ${(three / paths.length).toFixed(3)}`);
} finally {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
}
