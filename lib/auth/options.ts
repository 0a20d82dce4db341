import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db/client";
import { clientAddress } from "@/lib/http/client-address";
import { burnPasswordCheck, verifyPassword } from "./password";
import { checkLoginAllowed, recordLoginFailure, recordLoginSuccess } from "./rate-limit";
import { loginSchema } from "./schema";

/**
 * Session cookies are Secure unless AUTH_INSECURE_COOKIES=true (only for serving plain http on a
 * host other than localhost, where browsers refuse Secure cookies). Browsers treat
 * http://localhost as a secure context, so the default works for local use too.
 */
export const useSecureCookies = process.env.AUTH_INSECURE_COOKIES !== "true";
export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (secret) return secret;
  // `next build` evaluates this module without serving anything; the secret matters at run time.
  if (process.env.NODE_ENV === "production" && process.env.NEXT_PHASE !== "phase-production-build") {
    throw new Error("NEXTAUTH_SECRET must be set in production");
  }
  return "rightsbridge-development-secret-not-for-production";
}

/**
 * Email + password check with rate limiting per (account, address) and per address, and a
 * growing delay per account (lib/auth/rate-limit.ts); the address is lib/http/client-address.ts's. A thrown error's message
 * reaches the client as next-auth's `error` (the login form shows RATE_LIMITED as such).
 */
export async function authorizeCredentials(
  credentials: Record<string, string> | undefined,
  req: { headers?: Record<string, unknown> } | undefined,
): Promise<{ id: string; email: string; name: string } | null> {
  const parsed = loginSchema.safeParse(credentials ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const address = clientAddress(req?.headers);
  const gate = await checkLoginAllowed(email, address);
  // next-auth hands the message of a thrown error to the client as `error`.
  if (!gate.allowed) throw new Error("RATE_LIMITED");
  // Failures on this account from anywhere slow every attempt on it (the right password too).
  if (gate.delayMs) await new Promise((resolve) => setTimeout(resolve, gate.delayMs));
  const user = await db.user.findUnique({ where: { email } });
  if (!user) {
    await burnPasswordCheck(password);
    await recordLoginFailure(email, address);
    return null;
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    await recordLoginFailure(email, address);
    return null;
  }
  await recordLoginSuccess(email, address);
  return { id: user.id, email: user.email, name: user.name };
}

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  useSecureCookies,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: authorizeCredentials,
    }),
  ],
  callbacks: {
    async jwt({ token, user, trigger, session }) {
      if (user) {
        const row = await db.user.findUnique({
          where: { id: user.id },
          select: {
            sessionVersion: true,
            memberships: { orderBy: { createdAt: "asc" }, take: 1, select: { organizationId: true } },
          },
        });
        token.sv = row?.sessionVersion ?? -1;
        token.org = row?.memberships[0]?.organizationId ?? null;
      }
      // Organisation switch: accepted only for an organisation the user belongs to right now.
      const wanted = (session as { activeOrganizationId?: unknown } | undefined)?.activeOrganizationId;
      if (trigger === "update" && typeof wanted === "string" && token.sub) {
        // `wanted` comes from the client: an id Postgres cannot even read (not a uuid) makes the
        // lookup throw, and it means the same as an organisation the user is not in — no switch.
        const membership = await db.membership
          .findUnique({ where: { userId_organizationId: { userId: token.sub, organizationId: wanted } } })
          .catch(() => null);
        if (membership) token.org = membership.organizationId;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, activeOrganizationId: token.org ?? null };
    },
  },
};
