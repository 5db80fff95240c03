import type { Command } from "commander";
import { UserError } from "../errors.ts";
import { dbOption, withStore } from "../options.ts";

export function register(program: Command): void {
  const token = program.command("token").description("Manage editorial API tokens (reader, writer, editor, admin)");

  dbOption(
    token
      .command("create")
      .description("Create a token and print it once; only its hash is stored")
      .requiredOption("--role <role>", "reader, writer, editor or admin")
      .option("--name <name>", "who or what uses it, shown in the audit log", "cli"),
  ).action(async (options: { role: string; name: string; db?: string }) => {
    const { isRole } = await import("../../auth/roles.ts");
    const { createToken } = await import("../../auth/tokens.ts");
    if (!isRole(options.role))
      throw new UserError(`--role must be reader, writer, editor or admin, not "${options.role}"`, 2);
    if (!options.name.trim() || options.name.length > 100) throw new UserError("--name must be 1-100 characters", 2);
    const created = await withStore(options.db, (store) =>
      createToken(store, options.role as never, options.name.trim()),
    );
    process.stdout.write(`${created.token}\n`);
    process.stderr.write(
      `token ${created.id} (${created.role}, "${created.name}"): store it now, it is not shown again\n`,
    );
  });

  dbOption(token.command("list").description("List tokens (never their secrets)")).action(
    async (options: { db?: string }) => {
      const { listTokens } = await import("../../auth/tokens.ts");
      const tokens = await withStore(options.db, (store) => listTokens(store));
      for (const t of tokens) {
        process.stdout.write(
          `${t.id}\t${t.role}\t${t.name}\t${t.createdAt}\t${t.revokedAt ? `revoked ${t.revokedAt}` : "live"}\n`,
        );
      }
    },
  );

  dbOption(token.command("revoke").description("Revoke a token by id").argument("<id>")).action(
    async (id: string, options: { db?: string }) => {
      const { revokeToken } = await import("../../auth/tokens.ts");
      if (!(await withStore(options.db, (store) => revokeToken(store, id)))) throw new UserError(`no live token ${id}`);
      process.stdout.write(`revoked ${id}\n`);
    },
  );
}
