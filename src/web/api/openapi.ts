import { z } from "zod";
import type { Role } from "../../auth/roles.ts";
import { article } from "../../model/article.ts";
import { API_ERROR_CODES } from "./errors.ts";
import {
  articleCreateBody,
  articleUpdateBody,
  breakingBody,
  correctionBody,
  embargoBody,
  enrichmentDecisionsBody,
  frontBody,
  mediaCropBody,
  relatedChoiceBody,
  scheduleBody,
  tokenCreateBody,
} from "./request-schemas.ts";

/**
 * The OpenAPI 3.1 description of /api, built from the same zod schemas that validate requests.
 * `API_ROUTES` is the one list of routes; a test checks that every route the app serves is in it.
 */

type Method = "get" | "post" | "put" | "patch" | "delete";

interface QueryParam {
  name: string;
  description: string;
  type: "string" | "integer";
  required?: boolean;
}

export interface ApiRoute {
  method: Method;
  /** Hono's path syntax (`:id`), relative to /api. */
  path: string;
  summary: string;
  /** Least role of the bearer token; absent for the public read API. */
  role?: Role;
  body?: z.ZodType;
  /** A multipart/form-data body: field name → whether it is a file. */
  multipart?: Record<string, "file" | "text">;
  query?: QueryParam[];
  /** Needs `If-Match` with the article's current ETag. */
  ifMatch?: boolean;
  /** Success status and what it returns. */
  ok: { status: number; description: string };
}

const PAGE: QueryParam[] = [
  { name: "page", description: "1-based page number", type: "integer" },
  { name: "limit", description: "items per page (at most 100)", type: "integer" },
];

export const API_ROUTES: ApiRoute[] = [
  {
    method: "get",
    path: "/articles",
    summary: "Published articles, newest first",
    query: [...PAGE, { name: "section", description: "section slug", type: "string" }],
    ok: { status: 200, description: "A page of article summaries" },
  },
  {
    method: "get",
    path: "/articles/:id",
    summary:
      "One article: anonymous callers get published articles; with a token, any status with its revision ETag for If-Match",
    ok: { status: 200, description: "The article as the model's JSON" },
  },
  {
    method: "get",
    path: "/search",
    summary: "Full-text search over published articles",
    query: [
      { name: "q", description: 'words, "exact phrases" and -exclusions', type: "string", required: true },
      ...PAGE,
      { name: "section", description: "section slug", type: "string" },
      { name: "tag", description: "entity tag", type: "string" },
      { name: "tagKind", description: "person, organisation or place", type: "string" },
      { name: "from", description: "ISO date, inclusive", type: "string" },
      { name: "to", description: "ISO date, inclusive", type: "string" },
    ],
    ok: { status: 200, description: "Hits with highlighted snippets" },
  },
  {
    method: "get",
    path: "/openapi.json",
    summary: "This document",
    ok: { status: 200, description: "OpenAPI 3.1" },
  },
  {
    method: "post",
    path: "/articles",
    summary: "Create an article (draft unless an editor says otherwise)",
    role: "writer",
    body: articleCreateBody,
    ok: { status: 201, description: "The stored article, its revision and ETag" },
  },
  {
    method: "put",
    path: "/articles/:id",
    summary: "Replace an article's content",
    role: "writer",
    body: articleUpdateBody,
    ifMatch: true,
    ok: { status: 200, description: "The new revision" },
  },
  {
    method: "patch",
    path: "/articles/:id",
    summary: "JSON merge patch of an article",
    role: "writer",
    body: articleUpdateBody,
    ifMatch: true,
    ok: { status: 200, description: "The new revision" },
  },
  {
    method: "delete",
    path: "/articles/:id",
    summary: "Soft delete (history kept)",
    role: "editor",
    ifMatch: true,
    ok: { status: 200, description: "The new revision" },
  },
  ...(["restore", "publish", "unpublish"] as const).map(
    (action): ApiRoute => ({
      method: "post",
      path: `/articles/:id/${action}`,
      summary: `${action[0]!.toUpperCase()}${action.slice(1)} an article`,
      role: "editor",
      ifMatch: true,
      ok: { status: 200, description: "The new revision" },
    }),
  ),
  {
    method: "post",
    path: "/articles/:id/schedule",
    summary: "Publish at a given time",
    role: "editor",
    body: scheduleBody,
    ifMatch: true,
    ok: { status: 200, description: "The new revision" },
  },
  {
    method: "post",
    path: "/articles/:id/embargo",
    summary: "Keep an article hidden until a time",
    role: "editor",
    body: embargoBody,
    ifMatch: true,
    ok: { status: 200, description: "The new revision" },
  },
  {
    method: "post",
    path: "/articles/:id/corrections",
    summary: "Append a dated correction notice",
    role: "editor",
    body: correctionBody,
    ifMatch: true,
    ok: { status: 200, description: "The new revision" },
  },
  {
    method: "post",
    path: "/articles/:id/revisions/:revision/restore",
    summary: "A new revision with an old revision's content",
    role: "editor",
    ifMatch: true,
    ok: { status: 200, description: "The new revision" },
  },
  {
    method: "get",
    path: "/fronts/:front",
    summary: "A curated front (`home` or a section slug): the editor's lead and top stories",
    role: "reader",
    ok: { status: 200, description: "The front's lead and top story ids, or nulls when not curated" },
  },
  {
    method: "put",
    path: "/fronts/:front",
    summary: "Choose the lead and the order of the top stories of the home page or a section; the newest fill in below",
    role: "editor",
    body: frontBody,
    ok: { status: 200, description: "The front as stored" },
  },
  {
    method: "delete",
    path: "/fronts/:front",
    summary: "Back to automatic: the newest story leads",
    role: "editor",
    ok: { status: 204, description: "Removed" },
  },
  {
    method: "get",
    path: "/breaking",
    summary: "The breaking-news banner, if one is live",
    role: "reader",
    ok: { status: 200, description: "The banner or null" },
  },
  {
    method: "put",
    path: "/breaking",
    summary: "Show a breaking-news banner on the fronts until `expiresAt`",
    role: "editor",
    body: breakingBody,
    ok: { status: 200, description: "The banner as stored" },
  },
  {
    method: "delete",
    path: "/breaking",
    summary: "Take the breaking-news banner down",
    role: "editor",
    ok: { status: 204, description: "Removed" },
  },
  {
    method: "get",
    path: "/articles/:id/revisions",
    summary: "An article's revisions",
    role: "reader",
    ok: { status: 200, description: "Revision list" },
  },
  {
    method: "get",
    path: "/articles/:id/history",
    summary:
      "The article's publishing history: every create, publish, unpublish, schedule, correction, withdrawal and restore, oldest first",
    role: "reader",
    ok: { status: 200, description: "History events with time, actor, revision and detail" },
  },
  {
    method: "get",
    path: "/articles/:id/revisions/:revision",
    summary: "One revision's document",
    role: "reader",
    ok: { status: 200, description: "The document at that revision" },
  },
  {
    method: "get",
    path: "/articles/:id/diff",
    summary: "Field-by-field diff of two revisions",
    role: "reader",
    query: [
      { name: "from", description: "revision number", type: "integer", required: true },
      { name: "to", description: "revision number", type: "integer", required: true },
    ],
    ok: { status: 200, description: "The changed fields" },
  },
  {
    method: "get",
    path: "/articles/:id/enrichment-decisions",
    summary: "Editors' corrections to automatic enrichment (speakers, tags, merged entities)",
    role: "writer",
    ok: { status: 200, description: "The decisions" },
  },
  {
    method: "put",
    path: "/articles/:id/enrichment-decisions",
    summary: "Replace the editorial decisions; they win over automatic enrichment and survive re-enrichment",
    role: "writer",
    body: enrichmentDecisionsBody,
    ifMatch: true,
    ok: { status: 200, description: "The new revision" },
  },
  {
    method: "get",
    path: "/articles/:id/related",
    summary: "The related stories the site shows, and the editors' pins and exclusions",
    role: "writer",
    ok: { status: 200, description: "`related` (as shown) and `choices` ({id, action, headline})" },
  },
  {
    method: "put",
    path: "/articles/:id/related/:other",
    summary: "Pin another story as related (shown first) or exclude it (never shown)",
    role: "writer",
    body: relatedChoiceBody,
    ok: { status: 200, description: "The related stories and choices after the change" },
  },
  {
    method: "delete",
    path: "/articles/:id/related/:other",
    summary: "Remove a pin or exclusion: the pair goes back to the computed ranking",
    role: "writer",
    ok: { status: 200, description: "The related stories and choices after the change" },
  },
  {
    method: "post",
    path: "/media",
    summary: "Upload an image to the media library (checked by content, resized to renditions)",
    role: "writer",
    multipart: { file: "file", alt: "text", caption: "text", credit: "text" },
    ok: { status: 201, description: "The stored image and its renditions" },
  },
  {
    method: "post",
    path: "/media/:media/crop",
    summary:
      "New renditions of a library image for a crop and focal point (fractions); the social card is cut around the focal point",
    role: "writer",
    body: mediaCropBody,
    ok: { status: 200, description: "`image`: src, width, height, sizes, crop and focal for the image block" },
  },
  {
    method: "get",
    path: "/audit",
    summary: "Who did what, when",
    role: "editor",
    query: [
      { name: "target", description: "an article id or token:ID", type: "string" },
      { name: "limit", description: "at most 1000", type: "integer" },
    ],
    ok: { status: 200, description: "Audit entries, newest first" },
  },
  {
    method: "post",
    path: "/tokens",
    summary: "Create an API token (shown once)",
    role: "admin",
    body: tokenCreateBody,
    ok: { status: 201, description: "The token" },
  },
  { method: "get", path: "/tokens", summary: "List tokens", role: "admin", ok: { status: 200, description: "Tokens" } },
  {
    method: "delete",
    path: "/tokens/:token",
    summary: "Revoke a token",
    role: "admin",
    ok: { status: 204, description: "Revoked" },
  },
];

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["status", "code", "message"],
      properties: {
        status: { type: "integer" },
        code: { type: "string", enum: Object.keys(API_ERROR_CODES) },
        message: { type: "string" },
        issues: {
          type: "array",
          items: {
            type: "object",
            required: ["path", "message"],
            properties: { path: { type: "string" }, message: { type: "string" } },
          },
        },
      },
    },
  },
};

function jsonSchema(schema: z.ZodType): unknown {
  // Request bodies are what clients send: the input side of each schema (defaults optional).
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return rest;
}

/** `/articles/:id` → `/articles/{id}` */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z_]+)/g, "{$1}");
}

function errorResponses(route: ApiRoute): Record<string, unknown> {
  const ref = { $ref: "#/components/responses/Error" };
  const out: Record<string, unknown> = { "400": ref, "404": ref };
  if (route.role) Object.assign(out, { "401": ref, "403": ref, "429": ref });
  if (route.body || route.multipart) Object.assign(out, { "413": ref, "415": ref });
  if (route.ifMatch) Object.assign(out, { "409": ref, "412": ref, "428": ref });
  return out;
}

export function openApiDocument(baseUrl: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of API_ROUTES) {
    const pathParams = [...route.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const queryParams = (route.query ?? []).map((q) => ({
      name: q.name,
      in: "query",
      required: q.required ?? false,
      description: q.description,
      schema: { type: q.type },
    }));
    const headerParams = route.ifMatch
      ? [
          {
            name: "If-Match",
            in: "header",
            required: true,
            description: 'The ETag from GET /api/articles/{id} (a revision, e.g. "3")',
            schema: { type: "string" },
          },
        ]
      : [];
    const key = openApiPath(route.path);
    paths[key] ??= {};
    paths[key][route.method] = {
      summary: route.summary,
      operationId: `${route.method}${key.replace(/[{}]/g, "").replace(/[^A-Za-z0-9]+(.)?/g, (_m, ch: string | undefined) => (ch ? ch.toUpperCase() : ""))}`,
      ...(route.role ? { security: [{ bearer: [] }], "x-newsdesk-role": route.role } : {}),
      parameters: [...pathParams, ...queryParams, ...headerParams],
      ...(route.body
        ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body) } } } }
        : {}),
      ...(route.multipart
        ? {
            requestBody: {
              required: true,
              content: {
                "multipart/form-data": {
                  schema: {
                    type: "object",
                    properties: Object.fromEntries(
                      Object.entries(route.multipart).map(([name, kind]) => [
                        name,
                        kind === "file"
                          ? { type: "string", contentMediaType: "application/octet-stream" }
                          : { type: "string" },
                      ]),
                    ),
                  },
                },
              },
            },
          }
        : {}),
      responses: {
        [String(route.ok.status)]: {
          description: route.ok.description,
          ...(route.ok.status === 204 ? {} : { content: { "application/json": { schema: {} } } }),
        },
        ...errorResponses(route),
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Newsdesk API",
      version: "1",
      description:
        "The read API (public) and the editorial API (bearer tokens with roles) on the same paths. Every error is {error: {status, code, message, issues?}}.",
    },
    servers: [{ url: `${baseUrl}/api` }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
      schemas: { Article: jsonSchema(article), Error: errorSchema },
      responses: {
        Error: {
          description: "An error in the one shape every route uses",
          content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
        },
      },
    },
  };
}
