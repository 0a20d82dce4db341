import "server-only";
import { appendFile, readFile } from "node:fs/promises";
import { db } from "@/lib/db/client";
import { GENESIS_HASH } from "./rules";

/**
 * Anchors the audit hash chain outside the database. The chain proves that no entry was edited
 * or removed in the middle; it cannot prove that the whole log was not rebuilt (TRUNCATE and a
 * fresh chain) by someone with the table owner's rights. An anchor — the head's sequence (entry
 * id) and hash, written somewhere the database cannot reach (a file shipped off the host, a
 * ticket, an e-mail) — can: `verifyAnchors` fails unless the chain still holds every anchored
 * head with the same hash. `npm run audit:anchor`, `npm run audit:verify -- --anchor FILE`.
 */
export type AuditAnchor = { sequence: string; hash: string };

/** The chain's head now ({ sequence: "0", hash: GENESIS } for an empty log); appended to `file` as one line when given. */
export async function anchorAuditChain(file?: string): Promise<AuditAnchor> {
  const head = await db.auditEntry.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
  const anchor = head ? { sequence: head.id.toString(), hash: head.hash } : { sequence: "0", hash: GENESIS_HASH };
  if (file) await appendFile(file, `${new Date().toISOString()} ${anchor.sequence} ${anchor.hash}\n`, "utf8");
  return anchor;
}

export type AnchorProblem = { sequence: string; hash: string; problem: "ANCHOR_MISSING" | "ANCHOR_MISMATCH"; found?: string };

/** Anchors from a file of `<ISO time> <sequence> <hash>` lines (blank and # lines skipped). */
export function parseAnchors(text: string): AuditAnchor[] {
  const anchors: AuditAnchor[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^(\S+\s+)?(\d+)\s+([0-9a-f]{64})$/.exec(line);
    if (!match) throw new Error(`Anchor file line ${index + 1} is not "<time> <sequence> <hash>": ${line.slice(0, 120)}`);
    anchors.push({ sequence: match[2]!, hash: match[3]! });
  }
  return anchors;
}

/** Every anchored head the chain no longer holds (missing, or with another hash). */
export async function verifyAnchors(file: string): Promise<{ anchors: number; problems: AnchorProblem[] }> {
  const anchors = parseAnchors(await readFile(file, "utf8"));
  const problems: AnchorProblem[] = [];
  for (const anchor of anchors) {
    if (anchor.sequence === "0") continue; // anchored while the log was empty: nothing to hold
    const entry = await db.auditEntry.findUnique({ where: { id: BigInt(anchor.sequence) }, select: { hash: true } });
    if (!entry) problems.push({ ...anchor, problem: "ANCHOR_MISSING" });
    else if (entry.hash !== anchor.hash) problems.push({ ...anchor, problem: "ANCHOR_MISMATCH", found: entry.hash });
  }
  return { anchors: anchors.length, problems };
}
