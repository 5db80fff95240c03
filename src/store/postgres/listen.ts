import pg from "pg";

export interface Listener {
  close(): Promise<void>;
}

export interface ListenOptions {
  /** Called for each NOTIFY on one of the channels. */
  onNotify(channel: string, payload: string): void;
  /**
   * Called after the connection came back from a drop: notifications sent meanwhile are lost, so
   * the caller should assume anything may have changed.
   */
  onReconnect?(): void;
  /** Called when the connection drops, before reconnecting: notifications may be missed until onReconnect. */
  onDisconnect?(): void;
  /** First delay before reconnecting; doubles up to 10 s. */
  retryMs?: number;
}

/**
 * LISTENs on a dedicated connection (a pooled one would be handed to other queries), and
 * reconnects with back-off when the server or network drops it. Resolves once listening.
 */
export async function listen(url: string, channels: string[], options: ListenOptions): Promise<Listener> {
  let client: pg.Client | null = null;
  let closed = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let delay = options.retryMs ?? 250;

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url, application_name: "newsdesk-listen" });
    c.on("notification", (n) => options.onNotify(n.channel, n.payload ?? ""));
    c.on("error", () => reconnect(c));
    c.on("end", () => reconnect(c));
    await c.connect();
    for (const channel of channels) await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = c;
    delay = options.retryMs ?? 250;
  }

  function reconnect(dead: pg.Client): void {
    if (closed || client !== dead) return;
    client = null;
    options.onDisconnect?.();
    dead.end().catch(() => {});
    retryTimer = setTimeout(async function attempt() {
      if (closed) return;
      try {
        await connect();
        options.onReconnect?.();
      } catch {
        delay = Math.min(delay * 2, 10_000);
        retryTimer = setTimeout(attempt, delay);
      }
    }, delay);
  }

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retryTimer);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
