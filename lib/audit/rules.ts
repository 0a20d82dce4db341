import { createHash } from "node:crypto";

/** The hash that precedes the first entry of the chain. */
export const GENESIS_HASH = "0".repeat(64);

export type AuditContent = {
  at: string; // ISO instant, millisecond precision (the column is timestamptz(3))
  actorUserId: string | null;
  actorApiKeyId: string | null;
  organizationId: string | null;
  partyOrgIds: string[];
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
};

/**
 * JSON with object keys sorted at every depth, so the same content always hashes the same
 * whatever order Postgres' jsonb hands the keys back in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

export function hashEntry(prevHash: string, content: AuditContent): string {
  const body = canonicalJson({ ...content, partyOrgIds: [...content.partyOrgIds].sort() });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

export type ChainRow = AuditContent & { id: bigint; prevHash: string; hash: string };

function contentOf(row: ChainRow): AuditContent {
  const { id: _id, prevHash: _prev, hash: _hash, ...content } = row;
  return content;
}

export type ChainProblem = { id: bigint; problem: "PREV_HASH_MISMATCH" | "HASH_MISMATCH" };

/** Walks rows in id order and reports every entry whose link or content does not check out. */
export function verifyChain(rows: Iterable<ChainRow>, startHash = GENESIS_HASH) {
  let expectedPrev = startHash;
  let count = 0;
  const problems: ChainProblem[] = [];
  for (const row of rows) {
    count++;
    if (row.prevHash !== expectedPrev) problems.push({ id: row.id, problem: "PREV_HASH_MISMATCH" });
    if (hashEntry(row.prevHash, contentOf(row)) !== row.hash) problems.push({ id: row.id, problem: "HASH_MISMATCH" });
    expectedPrev = row.hash;
  }
  return { count, lastHash: expectedPrev, problems };
}
