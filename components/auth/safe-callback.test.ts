import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback";

describe("safeCallbackUrl", () => {
  it("keeps same-origin paths", () => {
    expect(safeCallbackUrl("/deals/42?tab=grants")).toBe("/deals/42?tab=grants");
  });
  it("falls back to the dashboard for missing or foreign destinations", () => {
    expect(safeCallbackUrl(undefined)).toBe("/dashboard");
    expect(safeCallbackUrl("https://evil.test/")).toBe("/dashboard");
    expect(safeCallbackUrl("//evil.test")).toBe("/dashboard");
    expect(safeCallbackUrl("/\\evil.test")).toBe("/dashboard");
    expect(safeCallbackUrl("javascript:alert(1)", "http://localhost:3000")).toBe("/dashboard");
    expect(safeCallbackUrl("http://localhost:3001/deals", "http://localhost:3000")).toBe("/dashboard");
  });
  it("turns absolute URLs on our own origin into paths", () => {
    expect(safeCallbackUrl("http://localhost:3000/deals?x=1#g", "http://localhost:3000")).toBe("/deals?x=1#g");
  });
});
