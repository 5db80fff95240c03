import type { Command } from "commander";
import { UserError } from "../errors.ts";
import { dbOption, withStore } from "../options.ts";

interface RelatedOptions {
  db?: string;
  pin?: string[];
  exclude?: string[];
  clear?: string[];
  limit: string;
  json?: boolean;
  rebuild?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function register(program: Command): void {
  dbOption(
    program
      .command("related")
      .description("Show an article's related stories and thread; pin or exclude stories (the editor's choice wins)")
      .argument("[id]", "article id or slug")
      .option("--pin <other>", "always show OTHER as related (repeatable)", collect)
      .option("--exclude <other>", "never show OTHER as related (repeatable)", collect)
      .option("--clear <other>", "remove a pin or exclusion of OTHER (repeatable)", collect)
      .option("--limit <n>", "how many related stories to show", "5")
      .option("--json", "print JSON")
      .option("--rebuild", "recompute related stories, duplicates and threads for the whole archive"),
  ).action(async (idArg: string | undefined, options: RelatedOptions) => {
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50)
      throw new UserError("--limit must be a number from 1 to 50");
    await withStore(options.db, async (store) => {
      if (options.rebuild) {
        const { rebuildRelated } = await import("../../enrich/related/rebuild.ts");
        const n = await rebuildRelated(store, (stage, done, total) => {
          if (done === total || done % 5000 === 0) process.stderr.write(`${stage}: ${done}/${total}\n`);
        });
        process.stdout.write(`rebuilt related stories, duplicates and threads for ${n} articles\n`);
        if (!idArg) return;
      }
      if (!idArg) throw new UserError("name an article id (or use --rebuild)");
      const { getArticle } = await import("../../store/articles.ts");
      const stored = await getArticle(store, idArg);
      if (!stored) throw new UserError(`no article with id or slug ${idArg}`);
      const id = stored.article.id;
      const related = await import("../../enrich/related/related.ts");
      const resolve = async (other: string) => {
        const found = await getArticle(store, other);
        if (!found) throw new UserError(`no article with id or slug ${other}`);
        return found.article.id;
      };
      for (const other of options.clear ?? []) await related.clearRelatedOverride(store, id, await resolve(other));
      for (const other of options.exclude ?? []) await related.excludeRelated(store, id, await resolve(other));
      for (const other of options.pin ?? []) await related.pinRelated(store, id, await resolve(other));
      const list = await related.relatedFor(store, id, limit);
      const { threadFor } = await import("../../enrich/threads/threads.ts");
      const thread = await threadFor(store, id);
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ id, related: list, thread }, null, 2)}\n`);
        return;
      }
      process.stdout.write(`${stored.article.headline} (${id})\n`);
      if (list.length === 0) process.stdout.write("  no related stories\n");
      for (const r of list)
        process.stdout.write(
          `  ${r.pinned ? "pinned" : r.score.toFixed(3).padStart(6)}  ${r.section}  ${r.headline} (${r.id})\n`,
        );
      if (thread) {
        process.stdout.write(`thread ${thread.id}: ${thread.articles.length} articles\n`);
        for (const a of thread.articles)
          process.stdout.write(`  ${a.firstPublished?.slice(0, 10) ?? "undated   "}  ${a.headline} (${a.id})\n`);
      }
    });
  });
}
