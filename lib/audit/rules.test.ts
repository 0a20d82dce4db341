import { describe, expect, it } from "vitest";
import { type AuditContent, canonicalJson, GENESIS_HASH, hashEntry, verifyChain } from "./rules";

const base: AuditContent = {
  at: "2026-11-27T10:00:00.000Z",
  actorUserId: "u1",
  actorApiKeyId: null,
  organizationId: "o1",
  partyOrgIds: ["o1"],
  action: "organization.create",
  entityType: "Organization",
  entityId: "o1",
  before: null,
  after: { name: "A", kind: "STUDIO" },
  requestId: "r1",
};

function chain(n: number) {
  let prev = GENESIS_HASH;
  return Array.from({ length: n }, (_, i) => {
    const content = { ...base, entityId: `e${i}` };
    const hash = hashEntry(prev, content);
    const row = { ...content, id: BigInt(i + 1), prevHash: prev, hash };
    prev = hash;
    return row;
  });
}

describe("audit chain", () => {
  it("canonical JSON ignores key order", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [1, { f: 1, e: 2 }] } })).toBe(canonicalJson({ a: { c: [1, { e: 2, f: 1 }], d: 2 }, b: 1 }));
  });

  it("accepts an intact chain", () => {
    const rows = chain(5);
    expect(verifyChain(rows)).toEqual({ count: 5, lastHash: rows[4]?.hash, problems: [] });
  });

  it("detects edited content", () => {
    const rows = chain(3);
    rows[1] = { ...rows[1]!, after: { name: "B", kind: "STUDIO" } };
    expect(verifyChain(rows).problems).toEqual([{ id: 2n, problem: "HASH_MISMATCH" }]);
  });

  it("detects a removed entry", () => {
    const rows = chain(3);
    rows.splice(1, 1);
    expect(verifyChain(rows).problems).toEqual([{ id: 3n, problem: "PREV_HASH_MISMATCH" }]);
  });
});
