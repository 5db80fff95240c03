import type { Command } from "commander";
import type { Article } from "../../model/article.ts";
import { UserError } from "../errors.ts";
import { dbOption, withStore } from "../options.ts";

/** The article as a reader would see it: headline, standfirst, then the body block by block. */
function articleAsText(a: Article): string {
  const out = [a.section.toUpperCase(), "", a.headline, "=".repeat(Math.min(a.headline.length, 80))];
  const meta = [
    a.byline.map((p) => p.name).join(", "),
    a.firstPublished ?? "",
    a.status === "published" ? "" : a.status,
  ];
  if (meta.some(Boolean)) out.push(meta.filter(Boolean).join(" | "));
  const first = a.blocks.find((b) => b.type === "paragraph");
  // The summary is often the intro paragraph itself; print it once.
  if (a.summary && (first?.type !== "paragraph" || first.text !== a.summary)) out.push("", a.summary);
  for (const b of a.blocks) {
    out.push("");
    switch (b.type) {
      case "paragraph":
        out.push(b.text);
        break;
      case "crosshead":
        out.push(`## ${b.text}`);
        break;
      case "quote":
        out.push(`> ${b.text}${b.speaker ? ` (${b.speaker})` : ""}`);
        break;
      case "media":
        out.push(`[${b.kind}] ${b.caption}`);
        break;
      case "image":
        out.push(`[image] ${b.caption ?? b.alt}${b.credit ? ` (${b.credit})` : ""}`);
        break;
      case "list":
        out.push(...b.items.map((item, i) => (b.ordered ? `${i + 1}. ${item}` : `- ${item}`)));
        break;
      case "embed":
        out.push(`[embed] ${b.title ?? b.url}`);
        break;
      case "related-stories":
      case "external-links":
        out.push(`${b.title}:`, ...b.items.map((i) => `- ${i.title} <${i.url}>`));
        if (b.type === "external-links") out.push(b.disclaimer);
        break;
    }
  }
  return `${out.join("\n")}\n`;
}

export function register(program: Command): void {
  dbOption(
    program
      .command("show")
      .description("Print one article by id or slug: JSON, or a readable text view with --text")
      .argument("<id-or-slug>", "article id or slug")
      .option("--text", "readable plain-text view instead of JSON"),
  ).action(async (idOrSlug: string, options: { db?: string; text?: boolean }) => {
    const { getArticle } = await import("../../store/articles.ts");
    const stored = await withStore(options.db, (store) => getArticle(store, idOrSlug));
    if (!stored) throw new UserError(`no article with id or slug "${idOrSlug}"`);
    if (options.text) {
      process.stdout.write(articleAsText(stored.article));
    } else {
      process.stdout.write(`${JSON.stringify({ ...stored.article, revision: stored.revision }, null, 2)}\n`);
    }
  });
}
