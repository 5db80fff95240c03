import { XMLBuilder } from "fast-xml-parser";
import { stripXmlInvalid } from "../../ingest/sanitize.ts";

// Attributes are keys prefixed "@_"; the builder escapes text and attribute values.
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  suppressEmptyNode: true,
  // "true" is a value in feeds (isPermaLink="true"), not an HTML-style boolean attribute.
  suppressBooleanAttributes: false,
});

/** A copy with every string stripped of characters XML cannot carry: stored text may hold some. */
function xmlSafe(value: unknown): unknown {
  if (typeof value === "string") return stripXmlInvalid(value);
  if (Array.isArray(value)) return value.map(xmlSafe);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafe(v)]));
  }
  return value;
}

export function buildXml(root: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(xmlSafe(root))}`;
}
