"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE, locales } from "./config";

const setLocaleSchema = z.enum(locales);

/**
 * Remembers the chosen UI language for a year. Anyone (signed in or not) may choose a language,
 * so there is no session check; the value is validated because it ends up in a cookie and in
 * the `import()` of the messages file.
 */
export async function setLocaleAction(locale: unknown): Promise<{ ok: true } | { ok: false; reason: "INVALID_LOCALE" }> {
  const parsed = setLocaleSchema.safeParse(locale);
  if (!parsed.success) return { ok: false, reason: "INVALID_LOCALE" };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, {
    path: "/",
    maxAge: LOCALE_COOKIE_MAX_AGE,
    sameSite: "lax",
    // Not a secret: readable by client code, and not `secure` so it also persists when the app is
    // served over plain http (e.g. `npm start` reached by IP address rather than localhost).
    httpOnly: false,
  });
  return { ok: true };
}
