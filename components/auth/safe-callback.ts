/**
 * Only same-origin destinations may follow a login: "/deals/1" or an absolute URL on our own
 * origin (next-auth builds those) yes; "https://evil.test", "//evil.test" and "/\evil.test"
 * (which browsers treat as protocol-relative) no. Returns a path, never an absolute URL.
 */
export function safeCallbackUrl(url: string | null | undefined, origin?: string, fallback = "/dashboard"): string {
  if (!url) return fallback;
  if (url.startsWith("/")) return url.startsWith("//") || url.startsWith("/\\") ? fallback : url;
  if (!origin) return fallback;
  try {
    const parsed = new URL(url);
    return parsed.origin === origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : fallback;
  } catch {
    return fallback;
  }
}
