import { spansFromTags } from "./spans.ts";

export interface TypeCounts {
  gold: number;
  predicted: number;
  correct: number;
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
}

/** The types we score; MISC spans, gold or predicted, are left out of every count. */
export const SCORED_TYPES = ["PER", "ORG", "LOC"] as const;

export function prf(c: TypeCounts): Prf {
  const precision = c.predicted === 0 ? 0 : c.correct / c.predicted;
  const recall = c.gold === 0 ? 0 : c.correct / c.gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Exact-match entity counting as conlleval does it: same type and both boundaries. */
export class EntityScore {
  readonly byType = new Map<string, TypeCounts>(SCORED_TYPES.map((t) => [t, { gold: 0, predicted: 0, correct: 0 }]));

  addSentence(gold: readonly string[], predicted: readonly string[]): void {
    const goldSpans = spansFromTags(gold).filter((s) => this.byType.has(s.type));
    const predSpans = spansFromTags(predicted).filter((s) => this.byType.has(s.type));
    const goldKeys = new Set(goldSpans.map((s) => `${s.start}:${s.end}:${s.type}`));
    for (const s of goldSpans) this.byType.get(s.type)!.gold++;
    for (const s of predSpans) {
      const counts = this.byType.get(s.type)!;
      counts.predicted++;
      if (goldKeys.has(`${s.start}:${s.end}:${s.type}`)) counts.correct++;
    }
  }

  overall(): TypeCounts {
    const total = { gold: 0, predicted: 0, correct: 0 };
    for (const c of this.byType.values()) {
      total.gold += c.gold;
      total.predicted += c.predicted;
      total.correct += c.correct;
    }
    return total;
  }
}

export interface RecallCounts {
  gold: number;
  found: number;
}

/**
 * Recall split by whether the gold entity was seen in training: an entity is "seen" when its
 * exact string was annotated with the same type somewhere in the training data.
 */
export class SeenRecall {
  readonly seen = new Map<string, RecallCounts>(SCORED_TYPES.map((t) => [t, { gold: 0, found: 0 }]));
  readonly unseen = new Map<string, RecallCounts>(SCORED_TYPES.map((t) => [t, { gold: 0, found: 0 }]));

  constructor(private readonly trainingNames: ReadonlySet<string>) {}

  static key(type: string, words: readonly string[]): string {
    return `${type}\t${words.join(" ")}`;
  }

  addSentence(words: readonly string[], gold: readonly string[], predicted: readonly string[]): void {
    const found = new Set(spansFromTags(predicted).map((s) => `${s.start}:${s.end}:${s.type}`));
    for (const s of spansFromTags(gold)) {
      if (!this.seen.has(s.type)) continue;
      const known = this.trainingNames.has(SeenRecall.key(s.type, words.slice(s.start, s.end)));
      const counts = (known ? this.seen : this.unseen).get(s.type)!;
      counts.gold++;
      if (found.has(`${s.start}:${s.end}:${s.type}`)) counts.found++;
    }
  }
}
