import { z } from "zod";

/**
 * The parts of an IPTC ninjs item Newsdesk reads, as zod schemas: ninjs 2.x names (headlines, bodies,
 * descriptions, renditions and associations as arrays) and, for older feeds, the 1.x names (headline,
 * body_html, description_text, renditions/associations as objects). Unknown properties are allowed.
 */

const dateTime = z.iso.datetime({
  offset: true,
  message: "must be an ISO 8601 date-time such as 2026-01-02T10:00:00Z",
});

const roleValue = z.looseObject({
  role: z.string().optional(),
  contenttype: z.string().optional(),
  value: z.string({ message: "must be a string" }),
});

const named = z.looseObject({
  name: z.string().optional(),
  rel: z.string().optional(),
  uri: z.string().optional(),
  literal: z.string().optional(),
});

export const ninjsRendition = z.looseObject({
  name: z.string().optional(),
  href: z.string().optional(),
  contenttype: z.string().optional(),
  mimetype: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  duration: z.number().optional(),
  title: z.string().optional(),
});

/** 2.x: an array of renditions each with a name; 1.x: an object keyed by name. */
const renditions = z.union([
  z.array(ninjsRendition),
  z.record(z.string(), ninjsRendition).transform((o) => Object.entries(o).map(([name, r]) => ({ name, ...r }))),
]);

export const ninjsAssociation = z.looseObject({
  name: z.string().optional(),
  uri: z.string().optional(),
  type: z.string().optional(),
  by: z.string().optional(),
  headlines: z.array(roleValue).optional(),
  headline: z.string().optional(),
  descriptions: z.array(roleValue).optional(),
  description_text: z.string().optional(),
  body_text: z.string().optional(),
  renditions: renditions.optional(),
});

export const ninjsItem = z.looseObject({
  uri: z.string({ message: "is required (the item's identifier)" }).min(1, "must not be empty"),
  type: z.string().optional(),
  language: z.string().optional(),
  slugline: z.string().optional(),
  firstcreated: dateTime.optional(),
  versioncreated: dateTime.optional(),
  pubstatus: z.enum(["usable", "withheld", "canceled"]).optional(),
  headlines: z.array(roleValue).optional(),
  headline: z.string().optional(),
  subheadline: z.string().optional(),
  descriptions: z.array(roleValue).optional(),
  description_text: z.string().optional(),
  description_html: z.string().optional(),
  bodies: z.array(roleValue).optional(),
  body_html: z.string().optional(),
  body_text: z.string().optional(),
  by: z.string().optional(),
  bylines: z.array(z.looseObject({ byline: z.string().optional(), name: z.string().optional() })).optional(),
  people: z.array(named).optional(),
  organisations: z.array(named).optional(),
  places: z.array(named).optional(),
  subjects: z.array(named).optional(),
  subject: z.array(named).optional(),
  renditions: renditions.optional(),
  associations: z
    .union([
      z.array(ninjsAssociation),
      z
        .record(z.string(), ninjsAssociation)
        .transform((o) => Object.entries(o).map(([name, a]) => ({ ...a, name: a.name ?? name }))),
    ])
    .optional(),
});

export type NinjsItem = z.infer<typeof ninjsItem>;
export type NinjsAssociation = z.infer<typeof ninjsAssociation>;
export type NinjsRendition = z.infer<typeof ninjsRendition>;
