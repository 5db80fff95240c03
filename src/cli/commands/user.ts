import type { Command } from "commander";
import { UserError } from "../errors.ts";
import { dbOption, withStore } from "../options.ts";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One trailing newline is how `echo` and here-strings end a password; it is not part of it.
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

export function register(program: Command): void {
  const user = program.command("user").description("Manage desk users (writer, editor, admin)");

  dbOption(
    user
      .command("create")
      .description("Create a desk user; reads the password from stdin, or prints a one-time sign-in link")
      .requiredOption("--email <email>", "sign-in email")
      .requiredOption("--name <name>", "display name, shown as the revision author")
      .requiredOption("--role <role>", "writer, editor or admin")
      .option("--password-stdin", "read the password from standard input")
      .option("--base-url <url>", "public URL of the site, for the sign-in link", process.env.NEWSDESK_BASE_URL),
  ).action(
    async (options: {
      email: string;
      name: string;
      role: string;
      passwordStdin?: boolean;
      baseUrl?: string;
      db?: string;
    }) => {
      const { createUser, createSignInLink, UserInputError } = await import("../../auth/users.ts");
      const password = options.passwordStdin ? await readStdin() : undefined;
      const result = await withStore(options.db, async (store) => {
        try {
          const created = await createUser(store, { ...options, password });
          const link = password === undefined ? await createSignInLink(store, created.id) : null;
          return { created, link };
        } catch (error) {
          if (error instanceof UserInputError) throw new UserError(`--${error.message}`, 2);
          throw error;
        }
      });
      const { created, link } = result;
      process.stdout.write(`${created.id}\t${created.email}\t${created.role}\t${created.name}\n`);
      if (link) {
        const base = (options.baseUrl ?? "http://127.0.0.1:3000").replace(/\/+$/, "");
        process.stdout.write(`${base}/desk/sign-in/${link}\n`);
        process.stderr.write(
          "one-time sign-in link: valid for 24 hours, works once; set a password after signing in\n",
        );
      }
    },
  );

  dbOption(user.command("list").description("List desk users")).action(async (options: { db?: string }) => {
    const { listUsers } = await import("../../auth/users.ts");
    for (const u of await withStore(options.db, (store) => listUsers(store))) {
      process.stdout.write(
        `${u.id}\t${u.email}\t${u.role}\t${u.name}\t${u.disabledAt ? `disabled ${u.disabledAt}` : "active"}\n`,
      );
    }
  });

  dbOption(
    user.command("disable").description("Disable a user by id or email; their sessions end at once").argument("<user>"),
  ).action(async (who: string, options: { db?: string }) => {
    const { disableUser } = await import("../../auth/users.ts");
    const disabled = await withStore(options.db, (store) => disableUser(store, who));
    if (!disabled) throw new UserError(`no active user ${who}`);
    process.stdout.write(`disabled ${disabled.email}\n`);
  });
}
