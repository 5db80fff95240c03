import { XMLBuilder } from "fast-xml-parser";

// Attributes are keys prefixed "@_"; the builder escapes text and attribute values.
const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  format: true,
  suppressEmptyNode: true,
  // "true" is a value in feeds (isPermaLink="true"), not an HTML-style boolean attribute.
  suppressBooleanAttributes: false,
});

export function buildXml(root: Record<string, unknown>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(root)}`;
}
