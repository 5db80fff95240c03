/**
 * Tells a CDN which cached pages changed. The configured URL (NEWSDESK_PURGE_URL) receives a POST
 * naming the surrogate keys three ways, so Fastly-style (Surrogate-Key header), Cloudflare-style
 * (`tags`) and simple custom endpoints (`keys`) can all use it, with an optional bearer token
 * (NEWSDESK_PURGE_TOKEN). Purges are batched briefly and retried; a CDN outage never fails a write
 * or a page.
 */
export interface PurgeHook {
  /** Queues keys for the next batch. */
  purge(keys: Iterable<string>): void;
  /** Sends what is queued now and waits for it. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

export interface PurgeOptions {
  url: string;
  token?: string;
  /** How long keys gather before one request is sent. */
  batchMs?: number;
  /** Keys per request; CDNs cap them (Fastly 256, Cloudflare 30 tags per call on some plans). */
  maxKeys?: number;
  retries?: number;
  log?: (line: string) => void;
}

export function purgeHookFromEnv(env: NodeJS.ProcessEnv = process.env, log?: (line: string) => void): PurgeHook | null {
  const url = env.NEWSDESK_PURGE_URL?.trim();
  if (!url) return null;
  return createPurgeHook({ url, token: env.NEWSDESK_PURGE_TOKEN, log });
}

export function createPurgeHook(options: PurgeOptions): PurgeHook {
  const batchMs = options.batchMs ?? 100;
  const maxKeys = options.maxKeys ?? 256;
  const retries = options.retries ?? 3;
  const log = options.log ?? ((line: string) => process.stderr.write(`newsdesk: ${line}\n`));
  let queued = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const inFlight = new Set<Promise<void>>();

  async function send(keys: string[]): Promise<void> {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "surrogate-key": keys.join(" "),
    };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await fetch(options.url, {
          method: "POST",
          headers,
          body: JSON.stringify({ keys, tags: keys }),
          signal: AbortSignal.timeout(10_000),
        });
        await response.arrayBuffer().catch(() => {});
        if (response.ok) return;
        // A 4xx other than throttling will not get better by asking again.
        if (response.status < 500 && response.status !== 429) throw new Error(`HTTP ${response.status}`);
        if (attempt > retries) throw new Error(`HTTP ${response.status}`);
      } catch (error) {
        if (attempt > retries || /^HTTP 4/.test((error as Error).message)) {
          log(`CDN purge of ${keys.length} keys failed: ${(error as Error).message}`);
          return;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 200 * 2 ** attempt));
    }
  }

  function sendQueued(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const keys = [...queued];
    queued = new Set();
    const sends: Promise<void>[] = [];
    for (let i = 0; i < keys.length; i += maxKeys) {
      const p = send(keys.slice(i, i + maxKeys)).finally(() => inFlight.delete(p));
      inFlight.add(p);
      sends.push(p);
    }
    return Promise.all(sends).then(() => {});
  }

  return {
    purge(keys) {
      for (const key of keys) queued.add(key);
      if (queued.size > 0 && !timer) timer = setTimeout(sendQueued, batchMs);
    },
    async flush() {
      await sendQueued();
      await Promise.all([...inFlight]);
    },
    async close() {
      await this.flush();
    },
  };
}
