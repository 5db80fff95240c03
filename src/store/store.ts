import type { ArticleRepository } from "./articles.ts";
import type { AuditRepository } from "./audit.ts";
import type { ChangeRepository } from "./changes.ts";
import type { DeskStoriesRepository } from "./desk-stories.ts";
import type { DuplicateRepository } from "./duplicates.ts";
import type { EditorialDecisionsRepository } from "./editorial-decisions.ts";
import type { JobRepository } from "./jobs.ts";
import type { MediaRepository } from "./media.ts";
import type { RelatedRepository } from "./related.ts";
import type { ScheduleRepository } from "./schedule.ts";
import type { SearchRepository } from "./search.ts";
import type { SessionsRepository } from "./sessions.ts";
import type { SiteReadRepository } from "./site.ts";
import type { ThreadRepository } from "./threads.ts";
import type { TokensRepository } from "./tokens.ts";
import type { UsersRepository } from "./users.ts";

export type Engine = "sqlite" | "postgres";

/**
 * What the rest of Newsdesk may ask of the database, one repository per concern. Each is an
 * interface with its implementation under src/store/ (two where the engines differ); no SQL, query
 * builder or engine branch lives outside src/store/. Assembled in one place: repositories.ts.
 */
export interface Repositories {
  readonly articles: ArticleRepository;
  readonly search: SearchRepository;
  readonly jobs: JobRepository;
  readonly related: RelatedRepository;
  readonly duplicates: DuplicateRepository;
  readonly threads: ThreadRepository;
  readonly changes: ChangeRepository;
  /** Listings for the site: sections, tag pages, feeds, sitemaps. */
  readonly site: SiteReadRepository;
  /** Pending publications and embargoes. */
  readonly schedule: ScheduleRepository;
  /** API tokens (hashes only). */
  readonly tokens: TokensRepository;
  /** One row per editorial write. */
  readonly audit: AuditRepository;
  /** Desk users; sessions and one-time sign-in links. */
  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  /** The media library's rows (files are in a MediaStorage). */
  readonly media: MediaRepository;
  /** Journalists' fixes to enrichment. */
  readonly editorialDecisions: EditorialDecisionsRepository;
  /** The desk's story list. */
  readonly deskStories: DeskStoriesRepository;
}

/** The one interface every feature talks to: the repositories, a transaction over them, and close. */
export interface Store extends Repositories {
  readonly engine: Engine;
  /** Where the store lives: a file path or a postgres:// URL (password removed). */
  readonly location: string;
  /** Runs `fn` with repositories bound to one transaction: all its writes commit together or none. */
  transaction<T>(fn: (tx: Repositories) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}

/**
 * The store's file was replaced or deleted under an open connection (a restore, a copy over it):
 * writes would go to a file nobody reads again, so they are refused until the process restarts.
 */
export class StoreReplacedError extends StoreError {
  readonly code = "ESTOREREPLACED";
  constructor(readonly path: string) {
    super(
      `${path} was replaced or deleted while this process (pid ${process.pid}) had it open; writes are refused until it is restarted`,
    );
    this.name = "StoreReplacedError";
  }
}

/** The disk holding the store is full; what was being written was refused whole. */
export class StoreFullError extends StoreError {
  constructor(message: string) {
    super(message);
    this.name = "StoreFullError";
  }
}
