import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { type AppOptions, createApp } from "./app.ts";
import { serveFromCache } from "./fast-path.ts";
import type { Site } from "./site.ts";

export interface RunningServer {
  /** Where it listens, e.g. http://127.0.0.1:3000. */
  url: string;
  port: number;
  site: Site;
  close(): Promise<void>;
}

/** Starts the site on a port (0 picks a free one); `baseUrl` defaults to where it listens. */
export async function startServer(
  options: Omit<AppOptions, "baseUrl"> & { port: number; hostname?: string; baseUrl?: string },
): Promise<RunningServer> {
  const hostname = options.hostname ?? "127.0.0.1";
  // The base URL may depend on the port picked, so the app is made once the socket is bound.
  let handle: ((req: IncomingMessage, res: ServerResponse) => void) | null = null;
  const server = createServer((req, res) => {
    if (handle) handle(req, res);
    else res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "1" }).end("Starting\n");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, hostname, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  const { app, site } = createApp({ ...options, baseUrl: options.baseUrl ?? url });
  const appListener = getRequestListener(app.fetch);
  handle = (req, res) => {
    if (!serveFromCache(site, req, res)) void appListener(req, res);
  };
  return {
    url,
    port,
    site,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
