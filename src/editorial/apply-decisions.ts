import type { Article, Entity } from "../model/article.ts";
import type { EditorialDecision } from "../store/editorial-decisions.ts";

/**
 * Applies journalists' fixes to enrichment (src/editorial/enrichment-decisions.ts) to an article
 * just enriched: they win over automatic enrichment, so they survive re-enrichment.
 */
export const ENTITY_FIELDS = { person: "people", organisation: "organisations", place: "places" } as const;
type EntityKind = keyof typeof ENTITY_FIELDS;

const sameName = (e: Entity, name: string) =>
  [e.name, ...e.aliases].some((n) => n.toLocaleLowerCase() === name.toLocaleLowerCase());

/** The article with every decision applied, in the order they were made. Pure. */
export function applyEnrichmentDecisions(article: Article, decisions: EditorialDecision[]): Article {
  let next = article;
  for (const d of decisions) {
    if (d.kind === "speaker") {
      const speaker = d.value.trim() || null;
      next = {
        ...next,
        quotes: next.quotes.map((q) => (q.text === d.subject ? { ...q, speaker } : q)),
        blocks: next.blocks.map((b) =>
          b.type === "quote" && b.text === d.subject
            ? speaker
              ? { ...b, speaker }
              : { type: "quote", text: b.text, pull: b.pull }
            : b,
        ),
      };
      continue;
    }
    const field = ENTITY_FIELDS[d.subject as EntityKind];
    if (!field) continue;
    if (d.kind === "merge") {
      next = mergeEntities(next, field, d.value, d.from ?? "");
      continue;
    }
    const without = next[field].filter((e) => !sameName(e, d.value));
    next = {
      ...next,
      [field]:
        d.kind === "remove-tag"
          ? without
          : [...without, next[field].find((e) => sameName(e, d.value)) ?? { name: d.value, aliases: [] }],
    };
  }
  return next;
}

/**
 * `from` folded into `into`: one entity named `into` with both entities' forms as aliases, and the
 * quotes given to `from` given to `into`. Nothing changes when `from` is not tagged (yet).
 */
function mergeEntities(
  article: Article,
  field: (typeof ENTITY_FIELDS)[EntityKind],
  into: string,
  from: string,
): Article {
  const merged = article[field].find((e) => sameName(e, from));
  if (!merged || sameName(merged, into)) return article;
  const kept = article[field].find((e) => sameName(e, into));
  const forms = [...(kept ? [kept.name, ...kept.aliases] : []), merged.name, ...merged.aliases];
  const aliases = [...new Set(forms.filter((n) => n.toLocaleLowerCase() !== into.toLocaleLowerCase()))];
  const entity: Entity = { ...(kept ?? merged), name: into, aliases };
  const entities: Entity[] = [];
  for (const e of article[field]) {
    if (e === merged) {
      if (!kept) entities.push(entity);
    } else entities.push(e === kept ? entity : e);
  }
  const isMerged = (speaker: string | null | undefined) =>
    !!speaker && speaker.toLocaleLowerCase() === merged.name.toLocaleLowerCase();
  return {
    ...article,
    [field]: entities,
    quotes: article.quotes.map((q) => (isMerged(q.speaker) ? { ...q, speaker: into } : q)),
    blocks: article.blocks.map((b) => (b.type === "quote" && isMerged(b.speaker) ? { ...b, speaker: into } : b)),
  };
}
