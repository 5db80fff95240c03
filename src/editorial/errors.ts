/** Editorial failures the API maps to status codes; each message is safe to show the client. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotFoundError";
  }
}

/** The token's role may not do this (to this article in its current state). */
export class ForbiddenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** The request is well-formed but conflicts with the article's state (e.g. publishing a deleted article). */
export class StateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StateError";
  }
}
