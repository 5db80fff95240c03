import { sectionSlug } from "../model/article.ts";
import type { Db } from "./db.ts";
import type { Engine } from "./store.ts";

export interface DeskStory {
  id: string;
  headline: string;
  status: string;
  section: string;
  /** Who created it: the author of its first revision. */
  author: string | null;
  lastChange: string;
  lastChangeBy: string | null;
  revision: number;
}

export interface DeskStoryFilter {
  status?: string;
  section?: string;
  author?: string;
  /** Words to find in the headline or summary. */
  search?: string;
  limit?: number;
}

/** The desk's story list: every status, newest change first. */
export interface DeskStoriesRepository {
  listStories(filter: DeskStoryFilter): Promise<DeskStory[]>;
  sections(): Promise<string[]>;
  authors(): Promise<string[]>;
}

export function deskStoriesRepository(db: Db, engine: Engine): DeskStoriesRepository {
  const like = engine === "postgres" ? "ilike" : "like";
  return {
    async listStories(filter) {
      let q = db
        .selectFrom("articles")
        .select((eb) => [
          "articles.id",
          "articles.headline",
          "articles.status",
          "articles.section",
          "articles.modified_at",
          "articles.revision",
          eb
            .selectFrom("revisions")
            .select("revisions.author")
            .whereRef("revisions.article_id", "=", "articles.id")
            .orderBy("revisions.revision", "asc")
            .limit(1)
            .as("author"),
          eb
            .selectFrom("revisions")
            .select("revisions.author")
            .whereRef("revisions.article_id", "=", "articles.id")
            .whereRef("revisions.revision", "=", "articles.revision")
            .limit(1)
            .as("last_by"),
        ]);
      if (filter.status) q = q.where("articles.status", "=", filter.status);
      if (filter.section) q = q.where("articles.section_slug", "=", sectionSlug(filter.section));
      if (filter.author)
        q = q.where((eb) =>
          eb.exists(
            eb
              .selectFrom("revisions")
              .select("revisions.article_id")
              .whereRef("revisions.article_id", "=", "articles.id")
              .where("revisions.revision", "=", 1)
              .where("revisions.author", "=", filter.author!),
          ),
        );
      for (const word of (filter.search ?? "").split(/\s+/).filter(Boolean).slice(0, 8)) {
        // LIKE wildcards in the words are dropped rather than escaped: both engines then agree.
        const pattern = `%${word.replace(/[%_\\]/g, "")}%`;
        q = q.where((eb) => eb.or([eb("articles.headline", like, pattern), eb("articles.summary", like, pattern)]));
      }
      const rows = await q
        .orderBy("articles.modified_at", "desc")
        .orderBy("articles.id")
        .limit(filter.limit ?? 100)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        headline: r.headline,
        status: r.status,
        section: r.section,
        author: r.author ?? null,
        lastChange: r.modified_at,
        lastChangeBy: r.last_by ?? null,
        revision: Number(r.revision),
      }));
    },
    async sections() {
      const rows = await db.selectFrom("articles").select("section").distinct().orderBy("section").execute();
      return rows.map((r) => r.section);
    },
    async authors() {
      const rows = await db
        .selectFrom("revisions")
        .select("author")
        .distinct()
        .where("revision", "=", 1)
        .where("author", "is not", null)
        .orderBy("author")
        .limit(500)
        .execute();
      return rows.flatMap((r) => (r.author ? [r.author] : []));
    },
  };
}
