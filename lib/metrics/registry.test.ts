import { describe, expect, it } from "vitest";
import { routeTemplate } from "./registry";

describe("routeTemplate", () => {
  it("puts each dynamic segment back as its parameter name", () => {
    const id = "0192f3a4-1111-7000-8000-000000000001";
    expect(routeTemplate(`/api/v1/deals/${id}/grants/g-2`, { id, grantId: "g-2" })).toBe("/api/v1/deals/[id]/grants/[grantId]");
    expect(routeTemplate("/api/v1/deals", {})).toBe("/api/v1/deals");
    expect(routeTemplate("/api/v1/x/a%20b", { name: "a b" })).toBe("/api/v1/x/[name]");
    expect(routeTemplate("/api/v1/files/a/b", { path: ["a", "b"] })).toBe("/api/v1/files/[...path]/[...path]");
    expect(routeTemplate("/api/v1/x/%E0%A4%A", undefined)).toBe("/api/v1/x/%E0%A4%A");
  });
});
