/**
 * Where to go after logging in, from `?callbackUrl=`: resolved with `new URL(url, ownOrigin)` and
 * followed only when the result is on our own origin; returned as a path ("/deals/1?x#y"), never
 * an absolute URL. Anything else goes to `fallback` (the dashboard): other hosts, "//evil.test",
 * "/\evil.test", and any control or whitespace character anywhere ("/\t/evil.test" — browsers
 * drop tabs and line breaks from URLs, so it would become "//evil.test"; "\n" would also be an
 * invalid Location header). Never throws.
 */
const OWN_ORIGIN_PLACEHOLDER = "http://rightsbridge.invalid";
// Control characters (C0, DEL, C1), every Unicode space and line separator, backslashes.
const UNSAFE = /[\p{Cc}\s\\]/u;

export function safeCallbackUrl(url: string | null | undefined, origin?: string, fallback = "/dashboard"): string {
  if (!url || UNSAFE.test(url) || url.startsWith("//")) return fallback;
  try {
    const own = new URL(origin ?? OWN_ORIGIN_PLACEHOLDER).origin;
    // Without the page's origin (server side), only relative paths can be ours.
    if (!origin && !url.startsWith("/")) return fallback;
    const resolved = new URL(url, own);
    if (resolved.origin !== own) return fallback;
    const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
    return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
  } catch {
    return fallback;
  }
}

/** Request header the proxy sets to the page's own path and query (a client's value is replaced). */
export const PATH_HEADER = "x-rightsbridge-path";

/**
 * The login page for someone signed out who opened `path`: `/login?callbackUrl=<path>`, so that
 * logging in lands where the link pointed (a deep link survives login). Only a path the resolver
 * above accepts is carried; the dashboard and the root need none.
 */
export function loginPathFor(path: string | null | undefined): string {
  const target = safeCallbackUrl(path, undefined, "");
  if (target === "" || target === "/" || target === "/dashboard" || target.startsWith("/login")) return "/login";
  return `/login?callbackUrl=${encodeURIComponent(target)}`;
}
