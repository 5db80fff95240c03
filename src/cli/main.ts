import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Command, CommanderError } from "commander";
import { ValidationError } from "../model/article.ts";
import { StoreError } from "../store/store.ts";
import { UserError } from "./errors.ts";

/** A module in src/cli/commands registers one command; its heavy work is imported lazily in the action. */
export interface CommandModule {
  register(program: Command): void;
}

const commandsDir = join(dirname(fileURLToPath(import.meta.url)), "commands");

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../../package.json"), "utf8"));
  return String(pkg.version);
}

export async function buildProgram(): Promise<Command> {
  const program = new Command("newsdesk")
    .description("Newsdesk: ingest, enrich, store and serve news articles")
    .version(packageVersion())
    .showHelpAfterError()
    .exitOverride();
  const files = readdirSync(commandsDir)
    .filter((f) => f.endsWith(".ts"))
    .sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(commandsDir, file)).href)) as CommandModule;
    mod.register(program);
  }
  return program;
}

function isUserMistake(error: unknown): error is Error {
  return error instanceof UserError || error instanceof ValidationError || error instanceof StoreError;
}

export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return typeof process.exitCode === "number" ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (isUserMistake(error)) {
      process.stderr.write(`newsdesk: ${error.message}\n`);
      return error instanceof UserError ? error.exitCode : 1;
    }
    const err = error as Error;
    process.stderr.write(`newsdesk: internal error: ${err?.message ?? String(error)}\n`);
    if (process.env.NEWSDESK_DEBUG) process.stderr.write(`${err?.stack ?? ""}\n`);
    return 70;
  }
}

// Exit by letting the event loop drain, so piped output is never cut short; commands close what they open.
process.exitCode = await main(process.argv.slice(2));
