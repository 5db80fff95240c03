import { decodedTextOrNull, decodeText } from "../encoding.ts";
import { ImportError, type Importer, type Source } from "../importer.ts";
import { displayName } from "../read-input.ts";
import { contentHash } from "../source-hash.ts";
import { fromNinjs } from "./from-ninjs.ts";

// Keys that mark a JSON document as ninjs (1.x or 2.x); looked for before parsing so that broken
// ninjs still reaches this importer and gets a JSON error rather than being read as plain text.
const NINJS_KEY = /"(?:uri|headlines|bodies|body_html|body_text|versioncreated|firstcreated|pubstatus)"\s*:/;

/** Turns JSON.parse's "at position N" into a line and column a person can find. */
function jsonError(text: string, error: Error, lineOffset = 0): ImportError {
  const position = /position (\d+)/.exec(error.message);
  const reason = error.message.replace(/ in JSON at position \d+.*$/, "").replace(/^JSON\.parse: /, "");
  if (!position) return new ImportError(`invalid JSON: ${reason}`);
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length + lineOffset;
  const column = Number(position[1]) - before.lastIndexOf("\n");
  return new ImportError(`invalid JSON at line ${line}, column ${column}: ${reason}`);
}

/** The ninjs objects in a file: one object, an array of them, or one per line (as `export` writes). */
export function readNinjsDocuments(text: string): { value: unknown; where?: string }[] {
  const trimmed = text.trim();
  const lines = trimmed.split("\n");
  let firstLineIsObject = false;
  if (lines.length > 1) {
    try {
      firstLineIsObject = typeof JSON.parse(lines[0]) === "object";
    } catch {
      firstLineIsObject = false;
    }
  }
  if (firstLineIsObject) {
    const docs: { value: unknown; where?: string }[] = [];
    lines.forEach((line, i) => {
      if (!line.trim()) return;
      try {
        docs.push({ value: JSON.parse(line), where: `line ${i + 1}` });
      } catch (error) {
        throw jsonError(line, error as Error, i);
      }
    });
    return docs;
  }
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    throw jsonError(trimmed, error as Error);
  }
  if (Array.isArray(value)) return value.map((v, i) => ({ value: v, where: `item ${i + 1}` }));
  if (value === null || typeof value !== "object") throw new ImportError("invalid ninjs: expected a JSON object");
  return [{ value }];
}

export const ninjsImporter: Importer = {
  format: "ninjs",
  detect(source: Source): boolean {
    const text = decodedTextOrNull(source.bytes);
    if (text === null) return false;
    const start = text.search(/\S/);
    if (start < 0 || (text[start] !== "{" && text[start] !== "[")) return false;
    return NINJS_KEY.test(text.slice(start, start + 65536));
  },
  parse(source: Source) {
    const context = {
      path: displayName(source.name),
      contentHash: contentHash(source.bytes),
      defaultSection: source.defaultSection,
      baseUrl: source.baseUrl,
    };
    return readNinjsDocuments(decodeText(source.bytes).text).map((d) => fromNinjs(d.value, context, d.where));
  },
};
