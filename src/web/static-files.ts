import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { IMMUTABLE } from "./cache/http.ts";
import { type Rendered, renderResponse } from "./cache/render-cache.ts";

const staticRoot = join(dirname(fileURLToPath(import.meta.url)), "static");

const contentTypes: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wav": "audio/wav",
};

/** Served as /static/<path>; loaded once, so a request never touches the disk or a user's path. */
export interface StaticFile {
  path: string;
  version: string;
  response: Rendered;
}

function walk(dir: string, prefix = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

function load(): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const rel of walk(staticRoot)) {
    const type = contentTypes[extname(rel)];
    if (!type) continue;
    const body = readFileSync(join(staticRoot, rel));
    const version = createHash("sha1").update(body).digest("hex").slice(0, 10);
    // Fingerprinted in every link (?v=), so browsers and CDNs may keep them for a year.
    files.set(rel, {
      path: rel,
      version,
      response: renderResponse({ contentType: type, body, cacheControl: IMMUTABLE }),
    });
  }
  return files;
}

export const staticFiles = load();

/** The fingerprinted URL of a static file. */
export function assetUrl(rel: string): string {
  const file = staticFiles.get(rel);
  if (!file) throw new Error(`no static file ${rel}`);
  return `/static/${rel}?v=${file.version}`;
}
