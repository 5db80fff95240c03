import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Running `newsdesk` as a user would, in a separate process: the one way tests do it. */
export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
export const cliPath = join(repoRoot, "bin/newsdesk.js");

export interface CliOptions {
  /** Written to the process's stdin. */
  input?: string;
  /** Added to the environment. */
  env?: NodeJS.ProcessEnv;
  /** Defaults to the repository root. */
  cwd?: string;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `newsdesk ARGS` to completion. */
export function runCli(args: string[], options: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...options.env },
    encoding: "utf8",
    input: options.input,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** runCli without blocking the test process (servers in the same test keep answering). */
export function runCliAsync(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, ...options.env },
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (d) => {
      stdout += d;
    });
    child.stderr?.on("data", (d) => {
      stderr += d;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
    if (options.input !== undefined) child.stdin?.end(options.input);
  });
}

/** Like execFileSync: stdout when the command succeeds, an error carrying status and stderr when not. */
export function runCliOk(args: string[], options: CliOptions = {}): string {
  const r = runCli(args, options);
  if (r.code !== 0) {
    throw Object.assign(new Error(`newsdesk ${args.join(" ")} exited with ${r.code}: ${r.stderr}`), {
      status: r.code,
      stdout: r.stdout,
      stderr: r.stderr,
    });
  }
  return r.stdout;
}

export interface Spawned {
  child: ChildProcess;
  /** stdout and stderr so far, interleaved. */
  output: () => string;
  /** stdout alone, for commands that print their address or results there. */
  stdout: () => string;
  exited: Promise<number | null>;
  /** Exit code and signal, once the process's streams have closed. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `newsdesk ARGS` and returns at once, for long-running commands (serve, worker, migrate). */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}, options: { cwd?: string } = {}): Spawned {
  const child = spawn(process.execPath, [cliPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let stdout = "";
  child.stdout?.on("data", (d) => {
    out += d;
    stdout += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("close", (code, signal) => resolve({ code, signal })),
  );
  return { child, output: () => out, stdout: () => stdout, exited, closed };
}
