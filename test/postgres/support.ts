import { type Spawned, spawnCli } from "../support/cli.ts";

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Starts `newsdesk serve` on a free port and resolves with its URL once it listens. */
export async function startServe(db: string, env: NodeJS.ProcessEnv = {}): Promise<Spawned & { url: string }> {
  // One public base URL, as behind a load balancer, so every server renders the same page.
  const s = spawnCli(["serve", "--db", db, "--port", "0", "--base-url", "https://news.example.test"], env);
  const url = await waitFor("serve to listen", () => {
    const m = / at (http:\/\/\S+)/.exec(s.output());
    if (m) return m[1];
    if (s.child.exitCode !== null) throw new Error(`serve exited: ${s.output()}`);
    return undefined;
  });
  return { ...s, url };
}
