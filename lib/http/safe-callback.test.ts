import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loginPathFor, safeCallbackUrl } from "./safe-callback";

const ORIGIN = "http://localhost:3000";

describe("safeCallbackUrl", () => {
  it("keeps same-origin paths", () => {
    expect(safeCallbackUrl("/deals/42?tab=grants")).toBe("/deals/42?tab=grants");
    expect(safeCallbackUrl("/invite/abc", ORIGIN)).toBe("/invite/abc");
    expect(safeCallbackUrl("/deals/%2F%2Fx", ORIGIN)).toBe("/deals/%2F%2Fx");
  });

  it("falls back to the dashboard for missing or foreign destinations", () => {
    expect(safeCallbackUrl(undefined)).toBe("/dashboard");
    expect(safeCallbackUrl("")).toBe("/dashboard");
    expect(safeCallbackUrl("https://evil.test/")).toBe("/dashboard");
    expect(safeCallbackUrl("https://evil.test/", ORIGIN)).toBe("/dashboard");
    expect(safeCallbackUrl("//evil.test")).toBe("/dashboard");
    expect(safeCallbackUrl("//evil.test", ORIGIN)).toBe("/dashboard");
    expect(safeCallbackUrl("/\\evil.test")).toBe("/dashboard");
    expect(safeCallbackUrl("\\\\evil.test", ORIGIN)).toBe("/dashboard");
    expect(safeCallbackUrl("javascript:alert(1)", ORIGIN)).toBe("/dashboard");
    expect(safeCallbackUrl("http://localhost:3001/deals", ORIGIN)).toBe("/dashboard");
    expect(safeCallbackUrl("https:evil.test", ORIGIN)).toBe("/dashboard");
    expect(safeCallbackUrl("evil.test", undefined)).toBe("/dashboard");
  });

  it("refuses the attack's callbacks: tab or line break between slashes, %0A, other whitespace", () => {
    // `callbackUrl=%2F%09%2Fevil.test` arrives decoded: "/\t/evil.test", which browsers read as //evil.test.
    for (const url of [
      "/\t/evil.test",
      "/\n/evil.test",
      "/\r\n/evil.test",
      "\n",
      "/deals\n",
      " /deals",
      "/ /evil.test",
      "/\u2028/x",
      "/\u00a0/x",
      "/\u0000",
    ]) {
      expect(safeCallbackUrl(url), JSON.stringify(url)).toBe("/dashboard");
      expect(safeCallbackUrl(url, ORIGIN), JSON.stringify(url)).toBe("/dashboard");
    }
  });

  it("turns absolute URLs on our own origin into paths", () => {
    expect(safeCallbackUrl("http://localhost:3000/deals?x=1#g", ORIGIN)).toBe("/deals?x=1#g");
  });

  it("never throws and never leaves our origin, whatever the input", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.string().map((s) => `/${s}`),
        ),
        (url) => {
          const path = safeCallbackUrl(url, ORIGIN);
          expect(path.startsWith("/")).toBe(true);
          expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
          expect(path).not.toMatch(/[\s\\]/);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe("loginPathFor (deep links survive login, issue 17 point 6)", () => {
  it("carries the page and its query as callbackUrl", () => {
    expect(loginPathFor("/deals")).toBe("/login?callbackUrl=%2Fdeals");
    expect(loginPathFor("/deals/42?tab=grants")).toBe("/login?callbackUrl=%2Fdeals%2F42%3Ftab%3Dgrants");
    // What the login page does with it: back to the same page.
    const back = new URL(`http://localhost:3000${loginPathFor("/deals/42?tab=grants")}`).searchParams.get("callbackUrl");
    expect(safeCallbackUrl(back, ORIGIN)).toBe("/deals/42?tab=grants");
  });

  it("carries nothing for the dashboard, the root, the login page itself or a missing path", () => {
    for (const path of [null, undefined, "", "/", "/dashboard", "/login", "/login?callbackUrl=%2Fdeals"]) {
      expect(loginPathFor(path), String(path)).toBe("/login");
    }
  });

  it("never carries what the resolver refuses", () => {
    for (const path of ["//evil.test", "/\t/evil.test", "https://evil.test/", "/\\evil.test", "/deals\n"]) {
      expect(loginPathFor(path), JSON.stringify(path)).toBe("/login");
    }
    fc.assert(
      fc.property(fc.string(), (path) => {
        const login = loginPathFor(path);
        const back = new URL(`http://localhost:3000${login}`).searchParams.get("callbackUrl");
        return back === null || new URL(back, ORIGIN).origin === ORIGIN;
      }),
    );
  });
});
