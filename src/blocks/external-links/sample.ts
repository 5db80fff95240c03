import { EXTERNAL_LINKS_DISCLAIMER, EXTERNAL_LINKS_TITLE, type ExternalLinksBlock } from "./schema.ts";

export const links = (...items: [title: string, url: string][]): ExternalLinksBlock => ({
  type: "external-links",
  title: EXTERNAL_LINKS_TITLE,
  items: items.map(([title, url]) => ({ title, url })),
  disclaimer: EXTERNAL_LINKS_DISCLAIMER,
});
