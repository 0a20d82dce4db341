import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { buildOpenApiDocument } from "./openapi";

// The committed snapshot of the document; `npm run openapi:snapshot` rewrites it when a change
// to the API is meant (commit it with that change).
const SNAPSHOT = path.join(process.cwd(), "tests", "fixtures", "openapi.json");

/** Where two texts first differ, with some context; null when they are the same to the byte. */
function firstDifference(actual: string, expected: string) {
  if (actual === expected) return null;
  let at = 0;
  while (at < actual.length && actual[at] === expected[at]) at++;
  const line = actual.slice(0, at).split("\n").length;
  return { at, line, actual: actual.slice(Math.max(0, at - 80), at + 80), expected: expected.slice(Math.max(0, at - 80), at + 80) };
}

describe("the OpenAPI document", () => {
  it("is byte for byte the committed snapshot (tests/fixtures/openapi.json; `npm run openapi:snapshot` renews it)", async () => {
    const snapshot = await readFile(SNAPSHOT, "utf8");
    expect(firstDifference(`${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`, snapshot)).toBeNull();
  });

  it("is served as exactly those bytes, in the compact form", async () => {
    const snapshot = await readFile(SNAPSHOT, "utf8");
    const served = await (await GET()).text();
    expect(firstDifference(served, JSON.stringify(JSON.parse(snapshot)))).toBeNull();
  });
});
