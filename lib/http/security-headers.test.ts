import { describe, expect, it } from "vitest";
import { API_CSP, baseSecurityHeaders, isHttps, newNonce, pageCsp } from "./security-headers";

describe("security headers", () => {
  it("page CSP: scripts only with the nonce (strict-dynamic), no framing, no plugins; eval only in development", () => {
    const csp = pageCsp("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(pageCsp("n", { dev: true })).toContain("'unsafe-eval'");
    // A nonce in style-src would switch 'unsafe-inline' off for React's style attributes.
    expect(csp).toMatch(/style-src 'self' 'unsafe-inline'(;|$)/);
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(pageCsp("n", { https: true })).toContain("upgrade-insecure-requests");
  });

  it("API CSP lets nothing run or load; HSTS only over https", () => {
    expect(API_CSP).toContain("default-src 'none'");
    expect(API_CSP).toContain("frame-ancestors 'none'");
    expect(baseSecurityHeaders(false)).toEqual({
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "permissions-policy": expect.stringContaining("camera=()"),
      "x-frame-options": "DENY",
    });
    expect(baseSecurityHeaders(true)["strict-transport-security"]).toMatch(/^max-age=\d+/);
    expect(isHttps("https:", undefined)).toBe(true);
    expect(isHttps("http:", "https://rights.example")).toBe(true);
    expect(isHttps("http:", "http://localhost:3000")).toBe(false);
  });

  it("nonces are fresh and base64", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
