/**
 * The security headers of every page and API response (issue 11), set by `proxy.ts`:
 *
 * - Content-Security-Policy. Pages: scripts only with this request's nonce ('strict-dynamic' lets
 *   the nonced Next runtime load its chunks; Next reads the nonce from the request's CSP header
 *   and puts it on its own scripts), no plugins, no framing (`frame-ancestors 'none'`), forms and
 *   connections to our origin only. Styles allow inline ones: React renders `style` attributes
 *   and the toaster injects a <style> — a nonce in style-src would switch 'unsafe-inline' off.
 *   API responses (JSON, files): nothing may run or load at all.
 * - X-Content-Type-Options: nosniff, Referrer-Policy: strict-origin-when-cross-origin, a
 *   Permissions-Policy that turns off device APIs, X-Frame-Options: DENY for old browsers.
 * - Strict-Transport-Security when served over https (the request, or NEXTAUTH_URL, says so).
 */
export const NONCE_HEADER = "x-nonce";

export function pageCsp(nonce: string, options: { dev?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const PERMISSIONS_POLICY =
  "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), magnetometer=(), gyroscope=(), accelerometer=(), interest-cohort=()";

export const HSTS = "max-age=63072000; includeSubDomains";

/** The headers besides the CSP, for every response. */
export function baseSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy": PERMISSIONS_POLICY,
    "x-frame-options": "DENY",
    ...(https ? { "strict-transport-security": HSTS } : {}),
  };
}

/** Served over https: the request's own scheme, or the public URL the app is configured with. */
export function isHttps(requestProtocol: string, publicUrl = process.env.NEXTAUTH_URL): boolean {
  return requestProtocol === "https:" || (publicUrl ?? "").startsWith("https://");
}

/** A fresh nonce: 16 random bytes, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
