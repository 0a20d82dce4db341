import "server-only";
import { recordAudit } from "@/lib/audit/commands";
import { hashPassword } from "@/lib/auth/password";
import { consumeHourly, passwordResetMaxPerHour, RESEND_VERIFICATION_MAX_PER_HOUR } from "@/lib/auth/rate-limit";
import { newLinkToken, sha256 } from "@/lib/auth/secret";
import { db } from "@/lib/db/client";
import type { Tx } from "@/lib/db/tx";
import { appUrl, enqueueEmail } from "@/lib/mail/outbox";
import { mailLocale } from "@/lib/mail/templates";
import { fail, ok, type Result } from "@/lib/result";

/**
 * Proving a mailbox: single-use tokens e-mailed to a person (verification, password reset).
 * A token is 32 random bytes (base64url in the link); only its SHA-256 is stored, with the
 * address it was sent to, so a later change of address voids it.
 */

const VERIFY_HOURS = 24;
const RESET_HOURS = 1;
type Purpose = "VERIFY_EMAIL" | "RESET_PASSWORD";
type Person = { id: string; email: string; name: string; locale: string | null };

/** A new token for `user`; earlier unused tokens of the same purpose stop working. */
async function issueToken(tx: Tx, user: Person, purpose: Purpose, hours: number): Promise<string> {
  const token = newLinkToken();
  const now = new Date();
  await tx.emailToken.updateMany({ where: { userId: user.id, purpose, usedAt: null }, data: { usedAt: now } });
  await tx.emailToken.create({
    data: { userId: user.id, purpose, email: user.email, tokenHash: sha256(token), expiresAt: new Date(now.getTime() + hours * 3600_000) },
  });
  return token;
}

/** Writes the verification e-mail for `user` in the caller's transaction. */
export async function sendVerificationEmail(tx: Tx, user: Person): Promise<void> {
  const token = await issueToken(tx, user, "VERIFY_EMAIL", VERIFY_HOURS);
  await enqueueEmail(tx, {
    to: user.email,
    locale: mailLocale(user.locale),
    template: "verify-email",
    vars: { name: user.name, url: appUrl(`/verify-email/${token}`) },
  });
}

/** Uses a token once: marks it used and returns its person, or null when unknown, used, expired or for an old address. */
async function redeem(tx: Tx, token: string, purpose: Purpose) {
  const hash = sha256(token);
  const claimed = await tx.emailToken.updateMany({
    where: { tokenHash: hash, purpose, usedAt: null, expiresAt: { gt: new Date() } },
    data: { usedAt: new Date() },
  });
  if (claimed.count === 0) return null;
  const row = await tx.emailToken.findUniqueOrThrow({
    where: { tokenHash: hash },
    select: {
      email: true,
      user: { select: { id: true, email: true, emailVerifiedAt: true, memberships: { select: { organizationId: true } } } },
    },
  });
  return row.user.email === row.email ? row.user : null;
}

const invalidToken = (what: string) =>
  fail("invalid", "INVALID_TOKEN", `This ${what} link is invalid, already used or expired. Ask for a new one.`, {
    errors: [{ path: "token", message: `This ${what} link is invalid, already used or expired.` }],
  });

export async function verifyEmail(token: string): Promise<Result<{ email: string }, "INVALID_TOKEN">> {
  return db.$transaction(async (tx) => {
    const user = await redeem(tx, token, "VERIFY_EMAIL");
    if (!user) return invalidToken("verification");
    // Not audited: it changes no business record (the time is kept on the user).
    if (!user.emailVerifiedAt) await tx.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    return ok({ email: user.email });
  });
}

/** A fresh verification e-mail for a signed-in person (a few an hour). */
export async function resendVerification(userId: string): Promise<Result<{ email: string }, "ALREADY_VERIFIED" | "RATE_LIMITED">> {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, locale: true, emailVerifiedAt: true },
  });
  if (user.emailVerifiedAt) return fail("conflict", "ALREADY_VERIFIED", "Your e-mail address is already verified.");
  const gate = await consumeHourly("resend_verification", RESEND_VERIFICATION_MAX_PER_HOUR, user.id);
  if (!gate.allowed) {
    return fail(
      "rate_limited",
      "RATE_LIMITED",
      `Too many verification e-mails. Try again in ${Math.ceil(gate.retryAfterSeconds / 60)} min.`,
      {
        details: { retryAfterSeconds: gate.retryAfterSeconds },
      },
    );
  }
  await db.$transaction((tx) => sendVerificationEmail(tx, user));
  return ok({ email: user.email });
}

/**
 * Always the same answer whether or not the address is known (no enumeration); a known address
 * gets a reset link. Limited per client address.
 */
export async function requestPasswordReset(
  email: string,
  clientAddress: string,
  fallbackLocale: string,
): Promise<Result<null, "RATE_LIMITED">> {
  const gate = await consumeHourly("password_reset", passwordResetMaxPerHour(), clientAddress);
  if (!gate.allowed) {
    return fail("rate_limited", "RATE_LIMITED", `Too many reset requests. Try again in ${Math.ceil(gate.retryAfterSeconds / 60)} min.`, {
      details: { retryAfterSeconds: gate.retryAfterSeconds },
    });
  }
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, locale: true } });
  if (!user) return ok(null);
  await db.$transaction(async (tx) => {
    const token = await issueToken(tx, user, "RESET_PASSWORD", RESET_HOURS);
    await enqueueEmail(tx, {
      to: user.email,
      locale: mailLocale(user.locale ?? fallbackLocale),
      template: "password-reset",
      vars: { name: user.name, url: appUrl(`/reset-password/${token}`) },
    });
  });
  return ok(null);
}

/**
 * Sets the new password, ends every session of the person (session version) and marks the
 * address verified: the token proves the mailbox.
 */
export async function confirmPasswordReset(
  input: { token: string; password: string },
  requestId: string | null,
): Promise<Result<{ email: string }, "INVALID_TOKEN">> {
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    const user = await redeem(tx, input.token, "RESET_PASSWORD");
    if (!user) return invalidToken("reset");
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, sessionVersion: { increment: 1 }, emailVerifiedAt: user.emailVerifiedAt ?? new Date() },
    });
    await recordAudit(
      tx,
      { userId: user.id, apiKeyId: null, organizationId: null, requestId },
      {
        action: "user.password_reset",
        entityType: "User",
        entityId: user.id,
        partyOrgIds: user.memberships.map((m) => m.organizationId),
        after: { email: user.email },
      },
    );
    return ok({ email: user.email });
  });
}
