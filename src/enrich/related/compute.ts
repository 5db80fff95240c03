import type { Link } from "../../store/related.ts";
import type { Repositories } from "../../store/store.ts";
import { POSTED_TERMS } from "./features.ts";
import { relatedProbability } from "./model.ts";
import { parseVector, type ScoredFeatures } from "./score.ts";

/** Computed links kept per article; the site shows fewer. */
export const LINKS_PER_ARTICLE = 10;
/** Links below this probability (of being judged related) are not worth storing. */
export const MIN_LINK_SCORE = 0.1;
/** Members of an article's story thread proposed as candidates, at most (a thread can grow long). */
export const THREAD_CANDIDATES = 40;
/** Candidates scored exactly per article, chosen by their partial dot product over shared indexed terms. */
export const CANDIDATES = 120;
/**
 * Terms held by more articles than this are too common to find candidates with; capping it
 * keeps the postings read per article bounded however large the archive grows.
 */
export const MAX_POSTING_DF = 1500;

export async function loadFeatures(tx: Repositories, ids: string[]): Promise<Map<string, ScoredFeatures>> {
  const out = new Map<string, ScoredFeatures>();
  for (const r of await tx.related.features(ids))
    out.set(r.article_id, {
      vector: parseVector(r.terms),
      sectionSlug: r.section_slug,
      published: r.published,
      length: r.shingle_count,
    });
  return out;
}

/** Candidate ids for one article from the inverted index, best partial match first. */
async function candidatesFor(
  tx: Repositories,
  id: string,
  f: ScoredFeatures,
  exclude: Set<string>,
  tooCommon: Set<string>,
): Promise<string[]> {
  const terms = [...f.vector.keys()].slice(0, POSTED_TERMS);
  if (terms.length === 0) return [];
  const usable = terms.filter((t) => !tooCommon.has(t));
  if (usable.length === 0) return [];
  const postings = await tx.related.postings(usable);
  const partial = new Map<string, number>();
  for (const p of postings) {
    if (p.article_id === id || exclude.has(p.article_id)) continue;
    partial.set(p.article_id, (partial.get(p.article_id) ?? 0) + p.weight * (f.vector.get(p.term) ?? 0));
  }
  return [...partial]
    .sort((a, b) => b[1] - a[1])
    .slice(0, CANDIDATES)
    .map(([cid]) => cid);
}

/** An article's scored candidates, to be offered to those candidates' own lists (`offerToOthers`). */
export interface Offer {
  id: string;
  scored: Link[];
}

/**
 * Recomputes the related list of each given (indexed) article, and returns what to offer to the
 * lists of the articles each was scored against (`offerToOthers`), so older stories gain the new
 * one when it beats their weakest link. Idempotent for any set of ids, offers included.
 */
export async function computeRelated(tx: Repositories, ids: string[]): Promise<Offer[]> {
  const own = await loadFeatures(tx, ids);
  const dups = await tx.duplicates.of(ids);
  await tx.related.deleteLinks([...own.keys()]);
  // Looked up once per batch: the articles of a batch share many terms.
  const postedTerms = [...own.values()].flatMap((f) => [...f.vector.keys()].slice(0, POSTED_TERMS));
  const df = await tx.related.documentFrequencies(postedTerms);
  const tooCommon = new Set([...df].filter(([, n]) => n > MAX_POSTING_DF).map(([t]) => t));
  // Articles in one batch share many candidates: parse each stored vector once per batch.
  const cache = new Map<string, ScoredFeatures>(own);
  const offers: Offer[] = [];
  const mine: Link[] = [];
  // Beside the inverted index, the article's story thread and the editors' pins in either
  // direction propose candidates: they are scored like the others, never shown unscored.
  const threads = await tx.threads.membership([...own.keys()]);
  const threadIds = [...new Set(threads.map((t) => t.thread_id))];
  const threadMembers = new Map<string, string[]>();
  for (const t of threadIds)
    threadMembers.set(
      t,
      (await tx.threads.publishedArticles(t)).slice(0, THREAD_CANDIDATES).map((a) => a.id),
    );
  const extra = new Map<string, Set<string>>();
  const propose = (id: string, other: string) => {
    if (id !== other) extra.set(id, (extra.get(id) ?? new Set()).add(other));
  };
  for (const t of threads) for (const m of threadMembers.get(t.thread_id) ?? []) propose(t.article_id, m);
  for (const p of await tx.related.pinsTouching([...own.keys()])) {
    propose(p.article_id, p.other_id);
    propose(p.other_id, p.article_id);
  }
  for (const [id, f] of own) {
    const exclude = dups.get(id) ?? new Set<string>();
    const indexed = await candidatesFor(tx, id, f, exclude, tooCommon);
    const more = [...(extra.get(id) ?? [])].filter((c) => !exclude.has(c) && !indexed.includes(c));
    const candidateIds = [...indexed, ...more];
    if (cache.size > 20_000) cache.clear();
    const missing = candidateIds.filter((c) => !cache.has(c));
    for (const [cid, cf] of await loadFeatures(tx, missing)) cache.set(cid, cf);
    const scored: Link[] = [];
    for (const cid of candidateIds) {
      const cf = cache.get(cid);
      if (!cf) continue;
      const score = relatedProbability(f, cf);
      if (score >= MIN_LINK_SCORE) scored.push({ article_id: id, related_id: cid, score });
    }
    scored.sort((a, b) => b.score - a.score || (a.related_id < b.related_id ? -1 : 1));
    mine.push(...scored.slice(0, LINKS_PER_ARTICLE));
    offers.push({ id, scored });
  }
  await tx.related.insertLinks(mine);
  return offers;
}

const linkKey = (l: Link) => `${l.article_id}\u0000${l.related_id}`;
const byKey = (a: Link, b: Link) =>
  a.article_id < b.article_id ? -1 : a.article_id > b.article_id ? 1 : a.related_id < b.related_id ? -1 : 1;

/**
 * Adds each offered article to the other article's top list where it makes it, dropping what it
 * displaces. The offers are played in order on the lists in memory, then only the net changes are
 * written, deletes and upserts each in one key order. Run in its own short transaction, two
 * workers touching the same lists wait only briefly; a rare deadlock just retries the job.
 */
export async function offerToOthers(tx: Repositories, offers: Offer[]): Promise<void> {
  const targets = [...new Set(offers.flatMap((o) => o.scored.map((s) => s.related_id)))];
  if (targets.length === 0) return;
  const lists = new Map<string, Link[]>();
  const before = new Map<string, Link>();
  for (const l of await tx.related.linksFrom(targets)) {
    before.set(linkKey(l), l);
    lists.set(l.article_id, [...(lists.get(l.article_id) ?? []), l]);
  }
  for (const { id, scored } of offers) {
    for (const s of scored) {
      const others = (lists.get(s.related_id) ?? []).filter((l) => l.related_id !== id);
      const offered = { article_id: s.related_id, related_id: id, score: s.score };
      if (others.length < LINKS_PER_ARTICLE) {
        lists.set(s.related_id, [...others, offered]);
        continue;
      }
      const weakest = others.reduce((w, l) => (l.score < w.score ? l : w));
      if (s.score > weakest.score) lists.set(s.related_id, [...others.filter((l) => l !== weakest), offered]);
    }
  }
  const after = new Map<string, Link>();
  for (const list of lists.values()) for (const l of list) after.set(linkKey(l), l);
  const drops = [...before].filter(([k]) => !after.has(k)).map(([, l]) => l);
  const upserts = [...after].filter(([k, l]) => before.get(k)?.score !== l.score).map(([, l]) => l);
  drops.sort(byKey);
  upserts.sort(byKey);
  await tx.related.changeLinks(drops, upserts);
}
