import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** Helpers the benchmarks share for starting servers they measure. */

/** A port nothing listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** Resolves when the child prints `pattern` on stdout or stderr; rejects if it exits or takes longer than `timeoutMs`. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, what: string, timeoutMs = 180_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`${what} did not start: ${seen}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${what} exited with ${code}: ${seen}`)));
  });
}

/** Resolves once `url` answers 2xx (up to ten seconds). */
export async function waitForHttp(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered`);
}

/** An nginx configuration serving `www` as static files on `port` with `processes` workers, logs and temp files in `work`. */
export function nginxConfig(options: { work: string; www: string; port: number; processes: number }): string {
  const { work, www, port, processes } = options;
  return `worker_processes ${processes};
daemon off;
pid ${work}/nginx-${processes}.pid;
error_log ${work}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  open_file_cache max=100;
  client_body_temp_path ${work}/client_temp;
  proxy_temp_path ${work}/proxy_temp;
  fastcgi_temp_path ${work}/fastcgi_temp;
  uwsgi_temp_path ${work}/uwsgi_temp;
  scgi_temp_path ${work}/scgi_temp;
  server {
    listen 127.0.0.1:${port};
    root ${www};
    location = /article.html { default_type "text/html; charset=utf-8"; }
  }
}
`;
}
