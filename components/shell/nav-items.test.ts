import { describe, expect, it } from "vitest";
import { isActive, navigationFor } from "./nav-items";

const keys = (kind: Parameters<typeof navigationFor>[0], role: Parameters<typeof navigationFor>[1]) =>
  navigationFor(kind, role).map((g) => [g.key, g.items.map((i) => i.key)]);

describe("navigationFor", () => {
  it("gives each organisation kind its own workspace", () => {
    expect(keys("STUDIO", "OWNER")[0]).toEqual([
      "workspace",
      ["dashboard", "calendar", "titles", "deals", "avails", "editRequests", "statements", "advances", "programmes", "outcomes"],
    ]);
    expect(keys("PARTNER", "MEMBER")[0]).toEqual([
      "workspace",
      ["dashboard", "calendar", "catalogue", "deals", "avails", "editRequests", "statements", "outcomes"],
    ]);
    expect(keys("FACILITY", "MEMBER")[0]).toEqual(["workspace", ["dashboard", "calendar", "advances", "portfolio", "facility"]]);
    expect(keys("PROGRAMME", "MEMBER")[0]).toEqual(["workspace", ["dashboard", "programmes"]]);
    expect(keys("PLATFORM", "ADMIN")[0]).toEqual([
      "platform",
      ["dashboard", "calendar", "organizations", "outcomes", "fxRates", "jobs", "outbox"],
    ]);
    expect(keys("PLATFORM", "MEMBER")[0]).toEqual(["platform", ["dashboard", "calendar", "organizations", "outcomes", "fxRates"]]);
  });

  it("shows API keys and the audit log to owners and admins only", () => {
    expect(keys("STUDIO", "OWNER")[1]).toEqual(["settings", ["organization", "members", "apiKeys", "auditLog", "profile"]]);
    expect(keys("PARTNER", "ADMIN")[1]).toEqual(["settings", ["organization", "members", "apiKeys", "auditLog", "profile"]]);
    expect(keys("STUDIO", "MEMBER")[1]).toEqual(["settings", ["organization", "members", "profile"]]);
    expect(keys("FACILITY", "VIEWER")[1]).toEqual(["settings", ["organization", "members", "profile"]]);
  });
});

describe("isActive", () => {
  it("matches the page and its sub-pages but not look-alike prefixes", () => {
    expect(isActive("/deals", "/deals")).toBe(true);
    expect(isActive("/deals/abc/grants", "/deals")).toBe(true);
    expect(isActive("/deals-archive", "/deals")).toBe(false);
    expect(isActive("/dashboard", "/deals")).toBe(false);
  });
});
