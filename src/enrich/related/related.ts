import { type Store, StoreError } from "../../store/store.ts";
import { duplicatesOf } from "../duplicates/duplicates.ts";

/**
 * The score at and above which the site shows a computed related story; chosen on the judged
 * pairs in test/fixtures/related (bench/related/run.ts reports precision at this cut-off).
 */
export const SITE_MIN_SCORE = 0.3;
export const DEFAULT_RELATED_LIMIT = 5;

export interface RelatedStory {
  id: string;
  slug: string;
  headline: string;
  section: string;
  sectionSlug: string;
  firstPublished: string | null;
  /** The computed score; pinned stories keep theirs, or 0 when they were never computed as related. */
  score: number;
  pinned: boolean;
}

export interface RelatedOptions {
  limit?: number;
  /** Lowest computed score shown; pins are always shown. */
  minScore?: number;
}

async function requireArticle(store: Store, id: string): Promise<void> {
  const row = await store.db.selectFrom("articles").select("id").where("id", "=", id).executeTakeFirst();
  if (!row) throw new StoreError(`no article with id ${id}`);
}

/**
 * "More on this story" for an article: editor pins first (in the order pinned), then computed
 * links by score, never an excluded story, a duplicate of the article, two copies of one story,
 * or an unpublished article.
 */
export async function relatedFor(
  store: Store,
  articleId: string,
  limitOrOptions: number | RelatedOptions = {},
): Promise<RelatedStory[]> {
  const options = typeof limitOrOptions === "number" ? { limit: limitOrOptions } : limitOrOptions;
  const limit = options.limit ?? DEFAULT_RELATED_LIMIT;
  const minScore = options.minScore ?? SITE_MIN_SCORE;
  const overrides = await store.db
    .selectFrom("related_overrides")
    .select(["other_id", "action"])
    .where("article_id", "=", articleId)
    .orderBy("created_at")
    .orderBy("other_id")
    .execute();
  const pinned = overrides.filter((o) => o.action === "pin").map((o) => o.other_id);
  const excluded = new Set(overrides.filter((o) => o.action === "exclude").map((o) => o.other_id));
  const links = await store.db
    .selectFrom("related_links")
    .select(["related_id", "score"])
    .where("article_id", "=", articleId)
    .orderBy("score", "desc")
    .orderBy("related_id")
    .execute();
  const scores = new Map(links.map((l) => [l.related_id, Number(l.score)]));
  const computed = links.filter((l) => Number(l.score) >= minScore).map((l) => l.related_id);
  const ids = [...new Set([...pinned, ...computed])];
  if (ids.length === 0) return [];
  const dups = await duplicatesOf(store.db, [articleId, ...ids]);
  const rows = await store.db
    .selectFrom("articles")
    .select(["id", "slug", "headline", "section", "section_slug", "first_published"])
    .where("id", "in", ids)
    .where("status", "=", "published")
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ownDups = dups.get(articleId) ?? new Set<string>();
  const out: RelatedStory[] = [];
  const shown = new Set<string>();
  for (const id of ids) {
    if (out.length >= limit) break;
    const r = byId.get(id);
    const isPinned = pinned.includes(id);
    if (!r || id === articleId || (!isPinned && (excluded.has(id) || ownDups.has(id)))) continue;
    if (!isPinned && [...(dups.get(id) ?? [])].some((d) => shown.has(d))) continue;
    shown.add(id);
    out.push({
      id,
      slug: r.slug,
      headline: r.headline,
      section: r.section,
      sectionSlug: r.section_slug,
      firstPublished: r.first_published,
      score: scores.get(id) ?? 0,
      pinned: isPinned,
    });
  }
  return out;
}

async function setOverride(store: Store, articleId: string, otherId: string, action: "pin" | "exclude") {
  if (articleId === otherId) throw new StoreError(`an article cannot be related to itself (${articleId})`);
  await requireArticle(store, articleId);
  await requireArticle(store, otherId);
  await store.db
    .insertInto("related_overrides")
    .values({ article_id: articleId, other_id: otherId, action, created_at: new Date().toISOString() })
    .onConflict((oc) =>
      oc.columns(["article_id", "other_id"]).doUpdateSet((eb) => ({
        action: eb.ref("excluded.action"),
        created_at: eb.ref("excluded.created_at"),
      })),
    )
    .execute();
}

/** An editor's pin: `otherId` is shown as related to `articleId`, before computed stories. */
export async function pinRelated(store: Store, articleId: string, otherId: string): Promise<void> {
  await setOverride(store, articleId, otherId, "pin");
}

/** An editor's exclusion: `otherId` is never shown as related to `articleId`, whatever its score. */
export async function excludeRelated(store: Store, articleId: string, otherId: string): Promise<void> {
  await setOverride(store, articleId, otherId, "exclude");
}

/** Removes a pin or exclusion, returning the pair to the computed ranking. */
export async function clearRelatedOverride(store: Store, articleId: string, otherId: string): Promise<boolean> {
  const r = await store.db
    .deleteFrom("related_overrides")
    .where("article_id", "=", articleId)
    .where("other_id", "=", otherId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

export async function listRelatedOverrides(
  store: Store,
  articleId: string,
): Promise<{ otherId: string; action: "pin" | "exclude" }[]> {
  const rows = await store.db
    .selectFrom("related_overrides")
    .select(["other_id", "action"])
    .where("article_id", "=", articleId)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({ otherId: r.other_id, action: r.action }));
}
