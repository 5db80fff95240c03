/**
 * HTML import time of the unclosed-inline-tags page (issue 18, finding 15) at several sizes, in one
 * process: wall-clock and CPU time of prepareBytes (decode, depth guard, Readability, blocks;
 * no enrichment), best of `--rounds`, and time per KB relative to the smallest size (1.0 = linear). The best
 * round is the one with the least CPU time: on a shared machine wall-clock swings with others' load.
 * Run: node --import tsx bench/hostile/html-import.ts [--rounds 3]
 */
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { prepareBytes } from "../../src/ingest/pipeline.ts";
import { unclosedTagsPage } from "./unclosed-page.ts";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "3" } } });
const rounds = Number(values.rounds);
const SIZES_KB = [140, 280, 560, 1100];

// Warm the parser and Readability so the first size is not charged for loading them.
await prepareBytes({ name: "warm.html" } as never, Buffer.from(unclosedTagsPage(20 * 1024)), { enrich: false });

const rows: { kb: number; wallMs: number; cpuMs: number; blocks: number }[] = [];
for (const kb of SIZES_KB) {
  const bytes = Buffer.from(unclosedTagsPage(kb * 1024));
  let best = { wallMs: 0, cpuMs: 0, blocks: 0 };
  for (let r = 0; r < rounds; r++) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const prepared = await prepareBytes({ name: `unclosed-${kb}.html` } as never, bytes, { enrich: false });
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    if ((cpu.user + cpu.system) / 1000 < best.cpuMs || best.cpuMs === 0)
      best = { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, blocks: prepared.articles[0].blocks.length };
  }
  rows.push({ kb, ...best });
  process.stderr.write(`${kb} KB: ${best.wallMs.toFixed(0)} ms wall, ${best.cpuMs.toFixed(0)} ms CPU\n`);
}
console.log(
  `\nbest of ${rounds}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" / ")}\n`,
);
console.log("| page | wall ms | CPU ms | paragraphs | wall per KB vs 140 KB | CPU per KB vs 140 KB |");
console.log("|---|---|---|---|---|---|");
const base = rows[0].wallMs / rows[0].kb;
const cpuBase = rows[0].cpuMs / rows[0].kb;
for (const r of rows) {
  console.log(
    `| ${r.kb} KB | ${r.wallMs.toFixed(0)} | ${r.cpuMs.toFixed(0)} | ${r.blocks} | ${(r.wallMs / r.kb / base).toFixed(2)}× | ${(r.cpuMs / r.kb / cpuBase).toFixed(2)}× |`,
  );
}
