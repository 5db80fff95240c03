/**
 * The server under soak: the real site and editorial API in a child process, so its memory is
 * measured apart from the load generator. Talks to run.ts over IPC: "ready" with its URL,
 * "memory" on request (after a full GC), and it exits on "stop".
 */
import { openStore } from "../../src/store/open.ts";
import { createEditorialApi } from "../../src/web/api/editorial.ts";
import { startServer } from "../../src/web/server.ts";

const db = process.argv[2];
if (!db || !process.send) throw new Error("usage: forked by bench/soak/run.ts with the store path");
const store = await openStore(db);
const server = await startServer({
  store,
  port: 0,
  // Limits would turn the editors' load into 429s; they are tested in test/editorial.
  writeApi: createEditorialApi({ store, rateLimits: false }),
});

process.on("message", async (message: string) => {
  if (message === "memory") {
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    process.send?.({ type: "memory", rss: m.rss, heapUsed: m.heapUsed, external: m.external });
  } else if (message === "stop") {
    await server.close();
    await store.close();
    process.send?.({ type: "stopped" });
    process.disconnect();
  }
});
process.send({ type: "ready", url: server.url });
