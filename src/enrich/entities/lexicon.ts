/** Words that come before a name as a form of address; the gender they imply, if any. */
export const TITLES = new Map<string, "m" | "f" | null>([
  ["mr", "m"],
  ["mrs", "f"],
  ["ms", "f"],
  ["miss", "f"],
  ["dr", null],
  ["sir", "m"],
  ["lord", "m"],
  ["lady", "f"],
  ["dame", "f"],
  ["baroness", "f"],
  ["baron", "m"],
  ["prof", null],
  ["professor", null],
  ["rev", null],
  ["president", null],
  ["senator", null],
  ["judge", null],
  ["king", "m"],
  ["queen", "f"],
  ["prince", "m"],
  ["princess", "f"],
  ["pope", "m"],
  ["chancellor", null],
  ["general", null],
  ["gen", null],
  ["captain", null],
  ["colonel", null],
  ["sheikh", "m"],
  ["archbishop", null],
  ["bishop", null],
  ["cardinal", null],
  ["rabbi", null],
  ["imam", null],
  ["reverend", null],
]);

/** Titles that stay in the name when only one name follows: Prince Harry, Lord Falconer. */
export const NAME_TITLES = new Set([
  "prince",
  "princess",
  "king",
  "queen",
  "lord",
  "lady",
  "baroness",
  "baron",
  "pope",
]);

/** Royal titles stay in the name however many names follow: Prince Saud Al-Faisal. */
export const ROYAL_TITLES = new Set(["prince", "princess", "king", "queen"]);

/** Titles used with a forename: Sir Alan (Budd), Lady Jane. */
export const FORENAME_TITLES = new Set(["sir", "dame", "lady", "lord"]);

/** Last words that make a "person" an organisation: Altria Group, Simon Wiesenthal Center. */
export const ORGANISATION_ENDINGS = new Set([
  "group",
  "tobacco",
  "inc",
  "ltd",
  "plc",
  "corp",
  "center",
  "centre",
  "association",
  "party",
  "council",
  "bank",
  "company",
  "holdings",
  "trust",
  "foundation",
  "institute",
  "university",
  "college",
  "school",
  "agency",
  "committee",
  "commission",
  "watch",
  "times",
  "news",
  "airlines",
  "motors",
  "records",
  "pictures",
  "studios",
]);

/**
 * Role descriptions an article may use instead of a name ("the prime minister"), in their
 * canonical wording; synonyms map onto it.
 */
export const ROLE_SYNONYMS = new Map<string, string>([
  ["pm", "prime minister"],
  ["premier", "prime minister"],
  ["chief executive officer", "chief executive"],
  ["ceo", "chief executive"],
  ["chairwoman", "chairman"],
  ["chair", "chairman"],
  ["spokeswoman", "spokesman"],
  ["spokesperson", "spokesman"],
]);

export const ROLES = new Set([
  "prime minister",
  "pm",
  "premier",
  "president",
  "vice president",
  "chancellor",
  "foreign secretary",
  "home secretary",
  "health secretary",
  "education secretary",
  "culture secretary",
  "defence secretary",
  "trade secretary",
  "work and pensions secretary",
  "secretary",
  "secretary general",
  "secretary-general",
  "general secretary",
  "minister",
  "foreign minister",
  "finance minister",
  "leader",
  "party leader",
  "opposition leader",
  "chairman",
  "chairwoman",
  "chair",
  "chief executive",
  "chief executive officer",
  "ceo",
  "boss",
  "spokesman",
  "spokeswoman",
  "spokesperson",
  "correspondent",
  "political correspondent",
  "editor",
  "political editor",
  "business editor",
  "director",
  "managing director",
  "finance director",
  "governor",
  "mayor",
  "senator",
  "commissioner",
  "manager",
  "coach",
  "founder",
  "analyst",
  "economist",
  "ambassador",
  "attorney general",
  "speaker",
  "governor",
  "king",
  "queen",
  "pope",
  "archbishop",
]);

/** The longest role phrase is tried first; how many words a role can have. */
export const MAX_ROLE_WORDS = 4;

export function canonicalRole(phrase: string): string {
  const lower = phrase.toLowerCase();
  return ROLE_SYNONYMS.get(lower) ?? lower;
}

/** Family words in "Litvinenko's widow, Marina": the relative shares the surname. */
export const RELATIVES = new Map<string, "m" | "f" | null>([
  ["widow", "f"],
  ["wife", "f"],
  ["mother", "f"],
  ["daughter", "f"],
  ["sister", "f"],
  ["husband", "m"],
  ["widower", "m"],
  ["father", "m"],
  ["son", "m"],
  ["brother", "m"],
  ["partner", null],
]);

export const PRONOUNS = new Map<string, "m" | "f">([
  ["he", "m"],
  ["she", "f"],
]);
