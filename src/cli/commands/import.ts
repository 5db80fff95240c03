import type { Command } from "commander";
import type { Store } from "../../store/store.ts";
import { UserError } from "../errors.ts";
import { dbOption, mediaOption, openMedia, withStore } from "../options.ts";

async function imageCopier(store: Store, media: string | undefined) {
  const { createImageCopier } = await import("../../media/copy-images.ts");
  return createImageCopier({ store, storage: await openMedia(store, media) });
}

/** Long runs get a progress bar even when stderr is not a terminal (logs, CI), at a slow redraw. */
const LONG_RUN_FILES = 1000;

interface ImportOptions {
  db?: string;
  section?: string;
  baseUrl?: string;
  own?: boolean;
  ownDomains?: string;
  date?: string;
  config?: string;
  images: string;
  media?: string;
}

export function register(program: Command): void {
  mediaOption(
    dbOption(
      program
        .command("import")
        .description(
          "Import articles from files, folders (recursively) or - (stdin): text, HTML, feeds, ninjs, JSON Lines",
        )
        .argument("<inputs...>", "FILE, DIR or - for standard input")
        .option(
          "--section <name>",
          "section for articles whose source names none (default: the folder name, else News)",
        )
        .option("--base-url <url>", "base URL for resolving relative links in HTML")
        .option("--own", "the pages are the newsroom's own: no source credit, canonical links stay on this site")
        .option(
          "--own-domains <list>",
          "comma-separated domains whose pages are the newsroom's own (default: $NEWSDESK_OWN_DOMAINS)",
        )
        .option("--date <iso>", "first published time for stories whose source gives no date (default: now)")
        .option(
          "--config <file>",
          "site config whose section mapping applies (default: $NEWSDESK_CONFIG, else ./newsdesk.config.json when present)",
        )
        .option(
          "--images <mode>",
          "keep: image blocks point at their source (default); copy: fetch each image into the media library",
          "keep",
        ),
    ),
  ).action(async (inputs: string[], options: ImportOptions) => {
    if (options.images !== "keep" && options.images !== "copy")
      throw new UserError(`--images must be keep or copy, not ${options.images}`);
    const { importInputs, ownDomainsFromEnv } = await import("../../ingest/pipeline.ts");
    let date: string | undefined;
    if (options.date !== undefined) {
      const at = Date.parse(options.date);
      if (!/^\d{4}-\d{2}-\d{2}/.test(options.date) || Number.isNaN(at))
        throw new UserError(
          `--date must be an ISO 8601 date or date-time such as 2005-03-14 or 2005-03-14T09:00:00Z; got "${options.date}"`,
        );
      date = new Date(at).toISOString();
    }
    const { loadSiteConfig, mapSection, ConfigError } = await import("../../config/site-config.ts");
    let config: import("../../config/site-config.ts").SiteConfig;
    try {
      config = loadSiteConfig(options.config);
    } catch (error) {
      if (error instanceof ConfigError) throw new UserError(error.message);
      throw error;
    }
    const { SingleBar, Presets } = await import("cli-progress");
    let bar: InstanceType<typeof SingleBar> | undefined;
    const result = await withStore(options.db, async (store) =>
      importInputs(store, inputs, {
        copyImages: options.images === "copy" ? await imageCopier(store, options.media) : undefined,
        defaultSection: options.section,
        baseUrl: options.baseUrl,
        own: options.own,
        ownDomains: options.ownDomains !== undefined ? options.ownDomains.split(",") : ownDomainsFromEnv(),
        date,
        mapSection: config.sections.length > 0 ? (name) => mapSection(config, name) : undefined,
        onProgress(done, total) {
          if (!bar && (process.stderr.isTTY || total >= LONG_RUN_FILES) && total > 1) {
            bar = new SingleBar(
              {
                stream: process.stderr,
                format: "importing [{bar}] {value}/{total} files",
                noTTYOutput: true,
                notTTYSchedule: 5000,
              },
              Presets.shades_classic,
            );
            bar.start(total, 0);
          }
          bar?.update(done);
        },
      }),
    );
    bar?.stop();
    for (const d of result.duplicates)
      process.stdout.write(
        d.earlierRun
          ? `duplicate: ${d.file} (already imported in an earlier run from ${d.of}, as article ${d.article})\n`
          : `duplicate: ${d.file} (same bytes as ${d.of}, earlier in this run)\n`,
      );
    for (const n of result.notes) process.stderr.write(`note: ${n.file}: ${n.reason}\n`);
    process.stdout.write(
      `imported ${result.imported}, duplicates ${result.duplicates.length}, failed ${result.failed.length}\n`,
    );
    for (const f of result.failed) process.stderr.write(`${f.file}: ${f.reason}\n`);
    if (result.failed.length > 0) process.exitCode = 1;
  });
}
