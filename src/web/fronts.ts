import type { z } from "zod";
import type { ArticleSummary } from "../store/articles.ts";
import type { Repositories } from "../store/store.ts";
import { breakingBody, frontBody } from "./api/request-schemas.ts";

/**
 * Curated fronts: an editor picks the lead and the order of the top stories of the home page and
 * of each section; the newest stories fill in below. Kept as site settings (`front:home`,
 * `front:<section>`), with the breaking-news banner (`breaking`) beside them.
 */

export type FrontChoice = z.infer<typeof frontBody>;
export type Breaking = z.infer<typeof breakingBody>;

export const HOME_FRONT = "home";
export const settingKeyOfFront = (front: string) => `front:${front}`;
export const BREAKING_KEY = "breaking";

export async function readFront(store: Repositories, front: string): Promise<FrontChoice | null> {
  const value = await store.site.setting(settingKeyOfFront(front));
  const parsed = frontBody.safeParse(value);
  return value !== null && parsed.success ? parsed.data : null;
}

/** The banner while it lasts, else null. */
export async function currentBreaking(store: Repositories, now: number): Promise<Breaking | null> {
  const parsed = breakingBody.safeParse(await store.site.setting(BREAKING_KEY));
  return parsed.success && Date.parse(parsed.data.expiresAt) > now ? parsed.data : null;
}

/**
 * The lead and top stories of a front: the editor's choices that are still published, in their
 * order, then the newest of `automatic` not already shown, up to `count` top stories.
 */
export async function curatedFront(
  store: Repositories,
  choice: FrontChoice | null,
  automatic: ArticleSummary[],
  count: number,
): Promise<{ lead: ArticleSummary | undefined; top: ArticleSummary[] }> {
  const ids = choice ? [...(choice.lead ? [choice.lead] : []), ...choice.top] : [];
  const chosen = new Map((await store.site.summaries(ids)).map((a) => [a.id, a]));
  const lead = (choice?.lead ? chosen.get(choice.lead) : undefined) ?? automatic[0];
  const top: ArticleSummary[] = [];
  const used = new Set(lead ? [lead.id] : []);
  for (const id of choice?.top ?? []) {
    const a = chosen.get(id);
    if (a && !used.has(a.id) && top.length < count) {
      top.push(a);
      used.add(a.id);
    }
  }
  for (const a of automatic) {
    if (top.length >= count) break;
    if (!used.has(a.id)) {
      top.push(a);
      used.add(a.id);
    }
  }
  return { lead, top };
}
