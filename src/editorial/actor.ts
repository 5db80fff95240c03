import type { Role } from "../auth/roles.ts";

/** Who is making a change: recorded in the audit log and as the revision author. */
export interface Actor {
  /** Token id, or `system` for the scheduler. */
  id: string;
  name: string;
  role: Role;
  address?: string;
}

export const SCHEDULER_ACTOR: Actor = { id: "system", name: "scheduler", role: "admin" };
