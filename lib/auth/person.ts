import "server-only";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/tx";
import { type Failure, fail } from "@/lib/result";
import type { Actor } from "./actor";

/**
 * Decisions that must be traceable to one person who proved their mailbox (signing deals,
 * creating API keys, every facility decision): an API key gets 403 USER_REQUIRED, a person whose
 * address is not verified 403 EMAIL_NOT_VERIFIED. Read fresh from the database, inside the
 * caller's transaction when it has one. Null when the actor may go on.
 */
export async function refusePerson(actor: Actor, what: string, tx?: Tx): Promise<Failure<"USER_REQUIRED" | "EMAIL_NOT_VERIFIED"> | null> {
  if (!actor.userId) return fail("forbidden", "USER_REQUIRED", `${what} needs a signed-in person, not an API key.`);
  const user = await (tx ?? db).user.findUnique({ where: { id: actor.userId }, select: { emailVerifiedAt: true } });
  if (!user?.emailVerifiedAt) {
    return fail(
      "forbidden",
      "EMAIL_NOT_VERIFIED",
      `Confirm your e-mail address first (use the link we sent you): ${what} needs a verified address.`,
    );
  }
  return null;
}
