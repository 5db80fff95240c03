/**
 * Recognises a section line ("UK Politics", "Business", "Entertainment & Arts") at the top of a copied
 * page. A vocabulary, not a shape test: in the BBC corpus short first lines such as "Blackburn v
 * Burnley" are headlines followed by a short venue line, and look exactly like section + headline.
 */
const REGIONS = [
  "uk",
  "us",
  "world",
  "global",
  "international",
  "national",
  "local",
  "europe",
  "england",
  "scotland",
  "wales",
  "northern ireland",
  "ireland",
  "london",
  "asia",
  "africa",
  "middle east",
  "latin america",
  "us & canada",
  "australia",
  "india",
  "china",
];

const TOPICS = [
  "news",
  "politics",
  "business",
  "economy",
  "markets",
  "companies",
  "money",
  "personal finance",
  "sport",
  "sports",
  "football",
  "cricket",
  "rugby union",
  "rugby league",
  "tennis",
  "golf",
  "formula 1",
  "athletics",
  "boxing",
  "cycling",
  "technology",
  "tech",
  "science",
  "science & environment",
  "environment",
  "climate",
  "health",
  "education",
  "education & family",
  "family & education",
  "entertainment",
  "entertainment & arts",
  "arts",
  "culture",
  "music",
  "film",
  "books",
  "opinion",
  "comment",
  "analysis",
  "features",
  "magazine",
  "travel",
  "lifestyle",
  "media",
  "weather",
  "obituaries",
  "in pictures",
  "reality check",
];

const alternatives = (words: string[]) =>
  words.map((w) => w.replace(/[&]/g, "(?:&|and)").replace(/ /g, "\\s+")).join("|");
const SECTION_LINE = new RegExp(
  `^(?:(?:${alternatives(REGIONS)})(?:\\s+(?:${alternatives(TOPICS)}))?|(?:${alternatives(TOPICS)}))$`,
  "i",
);

export function isSectionName(line: string): boolean {
  return line.length <= 40 && SECTION_LINE.test(line.trim());
}
