import { franc } from "franc-min";
import { type Article, articleText } from "../model/article.ts";

/** ISO 639-3 codes franc gives → the two-letter BCP 47 tag where there is one. */
const TWO_LETTER = new Map([
  ["eng", "en"],
  ["spa", "es"],
  ["por", "pt"],
  ["fra", "fr"],
  ["deu", "de"],
  ["ita", "it"],
  ["nld", "nl"],
  ["ind", "id"],
  ["jav", "jv"],
  ["vie", "vi"],
  ["tur", "tr"],
  ["pol", "pl"],
  ["swh", "sw"],
  ["sun", "su"],
  ["ron", "ro"],
  ["hau", "ha"],
  ["bos", "bs"],
  ["hrv", "hr"],
  ["srp", "sr"],
  ["yor", "yo"],
  ["uzn", "uz"],
  ["zlm", "ms"],
  ["ibo", "ig"],
  ["tgl", "tl"],
  ["hun", "hu"],
  ["azj", "az"],
  ["ces", "cs"],
  ["rus", "ru"],
  ["ukr", "uk"],
  ["bel", "be"],
  ["bul", "bg"],
  ["kaz", "kk"],
  ["arb", "ar"],
  ["urd", "ur"],
  ["pes", "fa"],
  ["hin", "hi"],
  ["mar", "mr"],
  ["npi", "ne"],
  ["swe", "sv"],
  ["zul", "zu"],
  ["som", "so"],
  ["kin", "rw"],
  ["nya", "ny"],
  ["lin", "ln"],
  ["run", "rn"],
  ["plt", "mg"],
]);

/** English words so common that a text full of them is English without asking the trigram model. */
const ENGLISH_FUNCTION_WORDS = new Set(["the", "of", "and", "to", "in", "is", "that", "for", "was", "said", "with"]);

/** Enough text for franc to be trusted; shorter texts keep their stored language. */
const MIN_SAMPLE = 200;
const SAMPLE = 2000;

const isEnglishTag = (tag: string) => /^en(-|$)/i.test(tag);

/**
 * The language enrichment should treat the article as: a stored non-English tag is trusted (the
 * publisher said so); a stored "en" — the model's default, so often unsaid — is checked against
 * the text with franc. English prose is recognised from its function words first, which is
 * cheaper than trigrams and keeps enrichment fast.
 */
export function detectLanguage(article: Pick<Article, "headline" | "summary" | "blocks" | "language">): string {
  if (!isEnglishTag(article.language)) return article.language;
  const sample = `${article.headline}. ${article.summary} ${articleText(article)}`.slice(0, SAMPLE);
  if (sample.length < MIN_SAMPLE) return article.language;
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let common = 0;
  for (const w of words) if (ENGLISH_FUNCTION_WORDS.has(w)) common++;
  // English news runs at 15-25 % of these words; French or German at under 3 %.
  if (words.length > 0 && common / words.length >= 0.08) return article.language;
  const code = franc(sample, { minLength: MIN_SAMPLE });
  if (code === "und" || code === "eng" || code === "sco") return article.language;
  return TWO_LETTER.get(code) ?? code;
}

/** Whether the English models (tagger, quote rules) should run on text in this language. */
export function isEnglish(tag: string): boolean {
  return isEnglishTag(tag);
}
