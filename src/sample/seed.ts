import type { Block } from "../blocks/block.ts";
import { afterArticlesStored } from "../enrich/after-store.ts";
import { enrichArticle } from "../enrich/enrich.ts";
import { type Article, type Entity, parseArticle, sectionSlug, slugify } from "../model/article.ts";
import { countArticles, saveArticles } from "../store/articles.ts";
import type { Store } from "../store/store.ts";
import { business } from "./articles/business.ts";
import { culture } from "./articles/culture.ts";
import { health } from "./articles/health.ts";
import { politics } from "./articles/politics.ts";
import { science } from "./articles/science.ts";
import { sport } from "./articles/sport.ts";
import type { SampleArticle } from "./blocks.ts";

/** The sample newsroom: original, fictional stories about the invented county of Wendlemoor. */
export const sampleArticles: SampleArticle[] = [...politics, ...business, ...science, ...health, ...culture, ...sport];

const entities = (names: string[]): Entity[] => names.map((name) => ({ name, aliases: [] }));

/** The hand-written list stays authoritative; enrichment may add the other names the text uses for each. */
function withAliases(curated: Entity[], found: Entity[]): Entity[] {
  return curated.map((e) => {
    const match = found.find((f) => f.name.toLowerCase() === e.name.toLowerCase());
    return match ? { name: e.name, aliases: [...new Set([...e.aliases, ...match.aliases])] } : e;
  });
}

// The sample is the demo's first impression: a failure in enrichment must not leave the site empty.
function enrichOrKeep(article: Article): Article {
  try {
    return enrichArticle(article);
  } catch (error) {
    process.stderr.write(
      `newsdesk: sample ${article.id}: enrichment failed, kept as written: ${(error as Error).message}\n`,
    );
    return article;
  }
}

/**
 * The sample as articles, its written times shifted so the newest story is ten minutes old
 * (so the demo reads as today's news and the Google News sitemap is not empty).
 */
export function buildSampleArticles(now = new Date()): Article[] {
  const newest = Math.max(...sampleArticles.map((a) => Date.parse(a.published)));
  const shift = now.getTime() - 10 * 60_000 - newest;
  const at = (iso: string) => new Date(Date.parse(iso) + shift).toISOString();
  const byId = new Map(sampleArticles.map((a) => [a.id, a]));
  // An update written after the newest story would land in the future once shifted: keep it in
  // the past (a minute ago at the latest) and after its own publication.
  const latest = now.getTime() - 60_000;
  const pastUpdate = (published: string, updated: string) =>
    new Date(Math.max(Date.parse(published), Math.min(Date.parse(updated), latest))).toISOString();
  return sampleArticles.map((s) => {
    const blocks: Block[] = s.blocks.map((b) => {
      if (b.type !== "related-sample") return b;
      return {
        type: "related-stories",
        title: "More on this story",
        items: b.ids.map((id) => {
          const target = byId.get(id);
          if (!target) throw new Error(`sample article ${s.id} links to unknown ${id}`);
          const url = `/news/${sectionSlug(target.section)}/${slugify(target.headline)}`;
          return { title: target.headline, url, articleId: id };
        }),
      };
    });
    const curated = parseArticle(
      {
        id: s.id,
        slug: slugify(s.headline),
        section: s.section,
        headline: s.headline,
        summary: s.summary,
        byline: s.byline,
        language: "en-GB",
        firstPublished: at(s.published),
        updated: s.updated ? pastUpdate(at(s.published), at(s.updated)) : null,
        status: "published",
        blocks,
        tags: s.tags ?? [],
        people: entities(s.people),
        organisations: entities(s.organisations),
        places: entities(s.places),
        quotes: blocks.flatMap((b, blockIndex) =>
          b.type === "quote" && b.speaker ? [{ text: b.text, speaker: b.speaker, type: "direct", blockIndex }] : [],
        ),
        origin: { format: "sample" },
      },
      `sample article ${s.id}`,
    );
    // Enrichment finds more than we listed by hand (aliases, reported speech); the curated lists stay first.
    const enriched = enrichOrKeep(curated);
    // Quotes enrichment attributes to people we wrote are kept; the pull and block quotes always are.
    const people = new Set(curated.people.map((e) => e.name));
    const blockQuotes = new Set(curated.quotes.map((q) => q.text));
    const found = enriched.quotes.filter((q) => q.speaker && people.has(q.speaker) && !blockQuotes.has(q.text));
    return {
      ...enriched,
      people: withAliases(curated.people, enriched.people),
      organisations: withAliases(curated.organisations, enriched.organisations),
      places: withAliases(curated.places, enriched.places),
      quotes: [...curated.quotes, ...found],
    };
  });
}

/** Fills an empty store with the sample newsroom; a store with any article is left alone. */
export async function seedSampleNewsroom(store: Store, now = new Date()): Promise<number> {
  if ((await countArticles(store)) > 0) return 0;
  const articles = buildSampleArticles(now);
  await saveArticles(
    store,
    articles.map((article) => ({ article, options: { author: "sample", message: "Sample newsroom" } })),
  );
  await afterArticlesStored(
    store,
    articles.map((a) => a.id),
  );
  return articles.length;
}
