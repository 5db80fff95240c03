import { z } from "zod";
import { linkItem } from "../fields.ts";

export const EXTERNAL_LINKS_TITLE = "Related Internet links";
export const EXTERNAL_LINKS_DISCLAIMER = "Newsdesk is not responsible for the content of external sites.";

export const externalLinksBlock = z.object({
  type: z.literal("external-links"),
  title: z.string().default(EXTERNAL_LINKS_TITLE),
  items: z.array(linkItem).default([]),
  disclaimer: z.string().default(EXTERNAL_LINKS_DISCLAIMER),
});

export type ExternalLinksBlock = z.infer<typeof externalLinksBlock>;
