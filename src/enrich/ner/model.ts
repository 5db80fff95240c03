import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import type { FeatureScorer } from "./decode.ts";
import { Gazetteer } from "./gazetteer.ts";
import { Lexicon } from "./lexicon.ts";
import { TAG_COUNT, TAGS } from "./tagset.ts";

/**
 * The trained averaged-perceptron weights, quantized to integers. File format (gzip'd text):
 * a JSON header line {tags, scale}, then one line per feature: `feature<TAB>w0,w1,…` with
 * empty fields for zero.
 */
export class TaggerModel implements FeatureScorer {
  private constructor(
    private readonly index: Map<string, number>,
    private readonly weights: Float32Array,
    /** Whether the weights were trained with the outside lexicon (lexicon.txt.gz), so it must be loaded. */
    readonly usesLexicon: boolean,
  ) {}

  addScores(feature: string, scores: Float64Array): void {
    const row = this.index.get(feature);
    if (row === undefined) return;
    const base = row * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) scores[t] += this.weights[base + t];
  }

  get featureCount(): number {
    return this.index.size;
  }

  static parse(gzipped: Buffer): TaggerModel {
    const text = gunzipSync(gzipped).toString("utf8");
    const lines = text.split("\n");
    const header = JSON.parse(lines[0]) as { tags: string[]; scale: number; lexicon?: boolean };
    if (header.tags.join() !== TAGS.join()) throw new Error("tagger weights were trained for other tags");
    const index = new Map<string, number>();
    const weights = new Float32Array((lines.length - 1) * TAG_COUNT);
    let row = 0;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      const tab = line.lastIndexOf("\t");
      if (tab < 0) continue;
      const values = line.slice(tab + 1).split(",");
      const base = row * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) if (values[t]) weights[base + t] = Number(values[t]) / header.scale;
      index.set(line.slice(0, tab), row++);
    }
    return new TaggerModel(index, weights, header.lexicon === true);
  }

  static serialize(entries: Iterable<[string, ArrayLike<number>]>, scale: number, lexicon = false): string {
    const lines = [JSON.stringify({ tags: TAGS, scale, ...(lexicon ? { lexicon } : {}) })];
    for (const [feature, w] of entries) {
      const values: string[] = [];
      let any = false;
      for (let t = 0; t < TAG_COUNT; t++) {
        const q = Math.round(w[t] * scale);
        values.push(q === 0 ? "" : String(q));
        if (q !== 0) any = true;
      }
      if (any && !feature.includes("\n")) lines.push(`${feature}\t${values.join(",")}`);
    }
    return lines.join("\n");
  }
}

export const WEIGHTS_URL = new URL("./weights.txt.gz", import.meta.url);
export const GAZETTEER_URL = new URL("./gazetteer.txt.gz", import.meta.url);
export const LEXICON_URL = new URL("./lexicon.txt.gz", import.meta.url);

export interface Recognizer {
  model: TaggerModel;
  gazetteer: Gazetteer;
}

let shared: Recognizer | null = null;

/** The committed model, read once on first use (no download: the weights ship in the repository). */
export function defaultRecognizer(): Recognizer {
  if (!shared) {
    const model = TaggerModel.parse(readFileSync(WEIGHTS_URL));
    const gazetteer = Gazetteer.parse(gunzipSync(readFileSync(GAZETTEER_URL)).toString("utf8"));
    if (model.usesLexicon) gazetteer.lexicon = Lexicon.parse(gunzipSync(readFileSync(LEXICON_URL)).toString("utf8"));
    shared = { model, gazetteer };
  }
  return shared;
}
