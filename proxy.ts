import { type NextRequest, NextResponse } from "next/server";
import { PATH_HEADER } from "@/lib/http/safe-callback";
import { API_CSP, baseSecurityHeaders, isHttps, NONCE_HEADER, newNonce, pageCsp } from "@/lib/http/security-headers";

/**
 * Security headers on every page and API response (lib/http/security-headers.ts). Pages get a
 * per-request nonce in their Content-Security-Policy, also passed on in the request's own CSP
 * header, from which Next takes it for its scripts (every page renders dynamically). Nothing
 * here decides who may do what: authorization stays in the route wrapper and page loaders.
 */
export function proxy(request: NextRequest) {
  const https = isHttps(request.nextUrl.protocol);
  const isApi = request.nextUrl.pathname.startsWith("/api/");
  const nonce = isApi ? undefined : newNonce();
  const csp = nonce ? pageCsp(nonce, { dev: process.env.NODE_ENV === "development", https }) : API_CSP;

  const requestHeaders = new Headers(request.headers);
  // Pages that require a session send a signed-out visitor to /login with this path as callbackUrl.
  requestHeaders.delete(PATH_HEADER);
  if (!isApi) requestHeaders.set(PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  if (nonce) {
    requestHeaders.set(NONCE_HEADER, nonce);
    requestHeaders.set("content-security-policy", csp);
  }
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(baseSecurityHeaders(https))) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but Next's own static files (hashed, immutable; no document ever runs from them).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
