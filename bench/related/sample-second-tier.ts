/**
 * Draws 40 second-tier links ("More from <section> on <entity>") by a fixed seed for judging by
 * the second-tier rule of test/fixtures/related/GUIDELINES.md: the story is about the entity.
 * Prints the entity, the article's headline and the linked story's opening; no scores.
 *
 *   npx tsx bench/related/sample-second-tier.ts [SEED]   (2018: the sample the name rules were tuned on; 2019: the one measured)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { relatedTiers } from "../../src/enrich/related/related.ts";
import { openStore } from "../../src/store/open.ts";
import { corpusId, corpusPaths, readCorpusText, storeCorpus } from "./corpus.ts";
import { seeded, shuffled } from "./seeded.ts";

const tmp = mkdtempSync(join(tmpdir(), "newsdesk-tier2-"));
const store = await openStore(join(tmp, "t.db"));
try {
  const paths = corpusPaths();
  await storeCorpus(store, paths);
  const pathOf = new Map(paths.map((p) => [corpusId(p), p]));
  const rand = seeded(Number(process.argv[2] ?? 2018));
  let n = 0;
  for (const p of shuffled(paths, rand)) {
    if (n >= 40) break;
    const { second } = await relatedTiers(store, corpusId(p));
    if (!second) continue;
    const s = second.stories[Math.floor(rand() * second.stories.length)];
    const text = readCorpusText(pathOf.get(s.id) ?? "").replace(/\s+/g, " ");
    n++;
    console.log(`#${n} ${p} → ${pathOf.get(s.id)}\n  ${second.title}\n  story: ${text.slice(0, 400)}\n`);
  }
} finally {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
}
