import { articleRepository } from "./articles.ts";
import { auditRepository } from "./audit.ts";
import { changeRepository } from "./changes.ts";
import type { Db, Native } from "./db.ts";
import { deskStoriesRepository } from "./desk-stories.ts";
import { duplicateRepository } from "./duplicates.ts";
import { editorialDecisionsRepository } from "./editorial-decisions.ts";
import { jobRepository } from "./jobs.ts";
import { mediaRepository } from "./media.ts";
import { relatedRepository } from "./related.ts";
import { scheduleRepository } from "./schedule.ts";
import { searchRepository } from "./search.ts";
import { sessionsRepository } from "./sessions.ts";
import { siteReadRepository } from "./site.ts";
import type { Engine, Repositories } from "./store.ts";
import { threadRepository } from "./threads.ts";
import { tokensRepository } from "./tokens.ts";
import { usersRepository } from "./users.ts";

/** The one place the repositories are assembled, for the store and for each of its transactions. */
export function createRepositories(db: Db, engine: Engine, native: Native = {}): Repositories {
  return {
    articles: articleRepository(db, engine),
    search: searchRepository(db, engine),
    jobs: jobRepository(db, engine, native),
    related: relatedRepository(db, engine),
    duplicates: duplicateRepository(db, engine),
    threads: threadRepository(db, engine),
    changes: changeRepository(db, engine, native),
    site: siteReadRepository(db, engine),
    schedule: scheduleRepository(db, engine),
    tokens: tokensRepository(db, engine),
    audit: auditRepository(db, engine),
    users: usersRepository(db, engine),
    sessions: sessionsRepository(db, engine),
    media: mediaRepository(db, engine),
    editorialDecisions: editorialDecisionsRepository(db, engine),
    deskStories: deskStoriesRepository(db, engine),
  };
}
