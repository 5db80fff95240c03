import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { type AppOptions, createApp } from "./app.ts";
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
  let resolveListening: (info: AddressInfo) => void = () => {};
  const listening = new Promise<AddressInfo>((resolve) => {
    resolveListening = resolve;
  });
  // The base URL may depend on the port picked, so the app is made once the socket is bound.
  let handler: ((req: Request) => Response | Promise<Response>) | null = null;
  const server = serve(
    {
      fetch: (req: Request) => (handler ? handler(req) : new Response("Starting", { status: 503 })),
      port: options.port,
      hostname,
    },
    (info) => resolveListening(info),
  );
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const info = await listening;
  const host = hostname === "0.0.0.0" || hostname === "::" ? "localhost" : hostname;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${info.port}`;
  const { app, site } = createApp({ ...options, baseUrl: options.baseUrl ?? url });
  handler = app.fetch;
  return {
    url,
    port: info.port,
    site,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
