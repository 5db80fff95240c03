import { z } from "zod";
import { ROLES } from "../../auth/roles.ts";
import { imageCrop, imageFocal } from "../../blocks/image/schema.ts";
import { article } from "../../model/article.ts";
import { apiError } from "./errors.ts";

/**
 * The schemas of every API request body. Handlers validate with them (`parseBody`) and the
 * OpenAPI document (`openapi.ts`) is generated from the same objects, so the two cannot drift.
 */

const isoDateTimeWithZone = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
    "must be an ISO 8601 date-time with a time zone, e.g. 2026-05-01T09:00:00Z",
  )
  .refine((value) => !Number.isNaN(Date.parse(value)), "is not a real date-time");

/** A new article: the model without the fields the server assigns when they are left out. */
export const articleCreateBody = article.partial({ id: true, slug: true });
/** PUT replaces the document; PATCH is a JSON merge patch of the same fields. */
export const articleUpdateBody = article.partial();
export const scheduleBody = z.object({ at: isoDateTimeWithZone });
export const embargoBody = z.object({ until: isoDateTimeWithZone });
export const correctionBody = z.object({ text: z.string().trim().min(1, "must not be empty").max(2000) });
export const tokenCreateBody = z.object({
  role: z.enum(ROLES),
  name: z.string().trim().min(1, "must be 1-100 characters").max(100, "must be 1-100 characters").default("api"),
});

/** Editors' corrections to automatic enrichment (src/editorial/enrichment-decisions.ts reads each one). */
export const enrichmentDecisionsBody = z.object({
  decisions: z
    .array(
      z.object({
        kind: z.enum(["speaker", "remove-tag", "add-tag", "merge"]),
        subject: z.string().min(1),
        value: z.string(),
        /** merge: the entity folded into `value`. */
        from: z.string().optional(),
      }),
    )
    .max(500, "must be an array of at most 500 decisions"),
});

/** An editor's choice about one related story: always show it (pin) or never (exclude). */
export const relatedChoiceBody = z.object({ action: z.enum(["pin", "exclude"]) });

/** New renditions of a media-library image: a crop (fractions of the original) and a focal point. */
export const mediaCropBody = z.object({ crop: imageCrop.optional(), focal: imageFocal.optional() });

/** Validates a parsed JSON body; a 400 `invalid-body` naming every bad field otherwise. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, what: string): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => {
    // The same path notation as the model's ValidationError: decisions[0].kind
    const path =
      issue.path
        .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i ? "." : ""}${String(part)}`))
        .join("") || "(root)";
    return { path, message: issue.message };
  });
  const first = issues[0]!;
  throw apiError("invalid-body", `invalid ${what}: "${first.path}" ${first.message}`, issues);
}

const articleIdField = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be an article id");

/** A curated front (home or a section): the lead and the top stories in order; the newest fill in below. */
export const frontBody = z
  .object({
    /** The story that leads; null lets the newest lead. */
    lead: articleIdField.nullable().default(null),
    /** Top stories under the lead, in this order. */
    top: z.array(articleIdField).max(20, "at most 20 top stories").default([]),
  })
  .strict();

/** The breaking-news banner on the fronts, shown until `expiresAt`. */
export const breakingBody = z
  .object({
    text: z.string().trim().min(1, "must not be empty").max(200),
    /** Where the banner links: a site path or an absolute http(s) URL. */
    url: z
      .string()
      .refine(
        (v) => (v.startsWith("/") && !v.startsWith("//")) || /^https?:\/\/[^\s]+$/.test(v),
        "must be a site path or an absolute http(s) URL",
      )
      .optional(),
    expiresAt: isoDateTimeWithZone,
  })
  .strict();
