/**
 * Related stories in the sample name other sample articles by id; seeding (src/sample/seed.ts)
 * turns this placeholder into a related-stories block with their headlines and URLs.
 */
export interface RelatedSample {
  type: "related-sample";
  ids: string[];
}

export const related = (...ids: string[]): RelatedSample => ({ type: "related-sample", ids });
