import type { SiteConfigInput } from "../config/site-config.ts";

/** The sample newsroom's site settings: what `npm start` (serve --sample) shows without a config file. */
export const SAMPLE_SITE_CONFIG: SiteConfigInput = {
  name: "Newsdesk",
  description: "Independent news from Quillhaven and the Wendle Valley",
  language: "en-GB",
  timeZone: "Europe/London",
  sections: [
    { name: "Politics" },
    { name: "Business" },
    { name: "Science & Environment" },
    { name: "Health" },
    { name: "Culture" },
    { name: "Sport" },
  ],
  footerLinks: [],
  footerNote: "The sample newsroom is invented: its towns, councils, companies and people are fictional.",
};
