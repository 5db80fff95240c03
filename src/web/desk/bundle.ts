import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/**
 * The desk's browser bundle (src/desk/main.ts and Tiptap), built by esbuild into dist/desk
 * (gitignored) at install, start and test time; its size is written beside it. Reader pages never
 * reference it.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
export const DESK_BUNDLE = join(root, "dist/desk/desk.js");

export interface BundleInfo {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export async function buildDeskBundle(): Promise<BundleInfo> {
  const { build } = await import("esbuild");
  mkdirSync(dirname(DESK_BUNDLE), { recursive: true });
  await build({
    entryPoints: [join(root, "src/desk/main.ts")],
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2022",
    outfile: DESK_BUNDLE,
    legalComments: "none",
    logLevel: "error",
  });
  const bytes = readFileSync(DESK_BUNDLE);
  const info = { file: "dist/desk/desk.js", bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
  writeFileSync(join(dirname(DESK_BUNDLE), "size.json"), `${JSON.stringify(info, null, 2)}\n`);
  return info;
}

let loaded: Promise<Buffer> | undefined;

/** The built bundle; built on first use when missing (a checkout that skipped `npm install` scripts). */
export function deskBundle(): Promise<Buffer> {
  loaded ??= (async () => {
    try {
      statSync(DESK_BUNDLE);
    } catch {
      await buildDeskBundle();
    }
    return readFileSync(DESK_BUNDLE);
  })();
  return loaded;
}
