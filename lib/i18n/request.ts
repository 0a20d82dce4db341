import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { messages } from "@/messages";
import { type AppLocale, isLocale, LOCALE_COOKIE, negotiateLocale } from "./config";

/** Reads the viewer's locale: the cookie the switcher sets wins over the browser's preference. */
export async function resolveLocale(): Promise<AppLocale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale((await headers()).get("accept-language"));
}

export default getRequestConfig(async ({ locale: requested }) => {
  // An explicit locale (e.g. `getTranslations({ locale })` when rendering an email) beats the request's.
  const locale = isLocale(requested) ? requested : await resolveLocale();
  return {
    locale,
    messages: messages[locale],
    // Server-rendered times are shown in UTC with the zone named, so the page never depends on the
    // host's time zone; formatDateTime() callers that know the viewer's zone pass it explicitly.
    timeZone: "UTC",
  };
});
