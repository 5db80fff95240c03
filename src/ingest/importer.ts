import type { ArticleInput } from "../model/article.ts";

/** One input file (or stdin) as bytes, with where it came from. */
export interface Source {
  /** A path, or "-" for standard input; named in every error. */
  name: string;
  bytes: Buffer;
  /** Resolves relative links; from --base-url or the page's canonical link. */
  baseUrl?: string;
  /** The section to file it under when the source does not say (e.g. the corpus folder). */
  defaultSection?: string;
  /** Where an importer says what the user should know without failing the file (e.g. a guessed layout). */
  notes?: string[];
}

/**
 * An importer for one format, in src/ingest/<format>. `detect` looks at the content (not only the
 * file name); `parse` returns zero or more articles (a feed has many) or throws ImportError.
 */
export interface Importer {
  readonly format: string;
  detect(source: Source): boolean;
  parse(source: Source): ArticleInput[] | Promise<ArticleInput[]>;
}

/** Bad input: the message names the reason; the caller prefixes the file name. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportError";
  }
}
