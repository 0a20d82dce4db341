/**
 * Issue 11, point 15: the audit table refuses TRUNCATE; `npm run audit:anchor` records the chain's
 * head outside the database, and `npm run audit:verify -- --anchor FILE` fails once the chain no
 * longer holds an anchored head — which catches a log rebuilt from scratch (a consistent new
 * chain, which the hash check alone accepts).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as createTitle } from "@/app/api/v1/titles/route";
import { anchorAuditChain, parseAnchors, verifyAnchors } from "@/lib/audit/anchor";
import { verifyAuditChain } from "@/lib/audit/queries";
import { GENESIS_HASH } from "@/lib/audit/rules";
import { db } from "@/lib/db/client";
import { callRoute, type Registered, registerViaApi } from "../support/api";
import { testDatabaseUrl } from "../support/context";
import { resetDb } from "../support/db";

async function sql(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

const addTitle = (owner: Registered, name: string) =>
  callRoute(createTitle, "/api/v1/titles", {
    headers: owner.headers,
    json: { kind: "FILM", originalTitle: name, originalLanguage: "en", year: 2025, visibility: "PRIVATE" },
  });

const npm = (script: string, args: string[]) =>
  promisify(execFile)(path.join(process.cwd(), "node_modules", ".bin", "tsx"), ["--conditions=react-server", script, ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: testDatabaseUrl(), NODE_ENV: "test" },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );

let dir: string;
let owner: Registered;

beforeEach(async () => {
  await resetDb();
  dir = await mkdtemp(path.join(tmpdir(), "rb-anchor-"));
  owner = await registerViaApi();
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("the audit table", () => {
  it("refuses TRUNCATE (also cascading from another table), like UPDATE and DELETE", async () => {
    await expect(sql("TRUNCATE audit_entry")).rejects.toThrow(/audit_entry is append-only: TRUNCATE refused/);
    await expect(sql("TRUNCATE organization, audit_entry CASCADE")).rejects.toThrow(/TRUNCATE refused/);
    expect(await db.auditEntry.count()).toBe(1);
  });
});

describe("anchoring the chain", () => {
  it("anchorAuditChain returns the head and appends it to a file; an empty log anchors the genesis", async () => {
    const file = path.join(dir, "anchors.txt");
    const first = await anchorAuditChain(file);
    const entry = await db.auditEntry.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(first).toEqual({ sequence: entry.id.toString(), hash: entry.hash });
    expect((await addTitle(owner, "Anchored")).status).toBe(201);
    const second = await anchorAuditChain(file);
    expect(Number(second.sequence)).toBe(Number(first.sequence) + 1);
    expect(parseAnchors(await readFile(file, "utf8"))).toEqual([first, second]);
    expect(await verifyAnchors(file)).toEqual({ anchors: 2, problems: [] });

    await resetDb();
    expect(await anchorAuditChain()).toEqual({ sequence: "0", hash: GENESIS_HASH });
  });

  it("the replayed attack: a log rebuilt from scratch passes the hash check but not the anchors (npm scripts)", async () => {
    for (const name of ["one", "two"]) expect((await addTitle(owner, name)).status).toBe(201);
    const file = path.join(dir, "anchors.txt");
    const anchored = await npm("scripts/audit-anchor.ts", ["--file", file]);
    expect(anchored.code).toBe(0);
    const printed = JSON.parse(anchored.stdout.trim().split("\n").pop() ?? "{}");
    expect(printed).toEqual({ sequence: "3", hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(parseAnchors(await readFile(file, "utf8"))).toEqual([printed]);
    expect(await npm("scripts/audit-verify.ts", ["--anchor", file])).toMatchObject({
      code: 0,
      stdout: expect.stringContaining("Anchors held: 1 anchored head(s)"),
    });

    // The table owner switches the trigger off, empties the log and lets a fresh chain grow.
    await sql(
      "BEGIN; ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_no_truncate; TRUNCATE audit_entry RESTART IDENTITY; ALTER TABLE audit_entry ENABLE TRIGGER audit_entry_no_truncate; COMMIT",
    );
    for (const name of ["forged one", "forged two", "forged three"]) expect((await addTitle(owner, name)).status).toBe(201);
    expect((await verifyAuditChain()).ok).toBe(true);
    expect((await npm("scripts/audit-verify.ts", [])).code).toBe(0);

    const caught = await npm("scripts/audit-verify.ts", ["--anchor", file]);
    expect(caught.code).toBe(1);
    expect(caught.stderr).toContain("sequence 3: ANCHOR_MISMATCH");

    // A shorter rebuilt log lacks the anchored sequence altogether.
    await writeFile(file, `2026-01-01T00:00:00.000Z 99 ${"a".repeat(64)}\n`);
    const missing = await npm("scripts/audit-verify.ts", ["--anchor", file]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("sequence 99: ANCHOR_MISSING");
  }, 90_000);
});

describe("docs/DEPLOY.md's app role", () => {
  it("appends audit entries but cannot update, delete, truncate them or switch the triggers off", async () => {
    const role = `rb_app_${Date.now().toString(36)}`;
    const database = new URL(testDatabaseUrl()).pathname.slice(1);
    const statements = [
      `CREATE ROLE ${role} LOGIN PASSWORD 'app-secret'`,
      `GRANT CONNECT ON DATABASE "${database}" TO ${role}`,
      `GRANT USAGE ON SCHEMA public TO ${role}`,
      `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
      `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
      `REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM ${role}`,
    ];
    for (const statement of statements) await sql(statement);
    const url = new URL(testDatabaseUrl());
    url.username = role;
    url.password = "app-secret";
    const app = new pg.Client({ connectionString: url.toString() });
    await app.connect();
    try {
      const head = await db.auditEntry.findFirstOrThrow({ orderBy: { id: "desc" } });
      await app.query(
        `INSERT INTO audit_entry (at, organization_id, party_org_ids, action, entity_type, entity_id, prev_hash, hash)
         SELECT now(), organization_id, party_org_ids, 'test.append', 'Test', 'x', $1, repeat('b', 64) FROM audit_entry WHERE id = $2`,
        [head.hash, head.id],
      );
      await expect(app.query("UPDATE audit_entry SET action = 'x'")).rejects.toThrow(/permission denied|append-only/);
      await expect(app.query("DELETE FROM audit_entry")).rejects.toThrow(/permission denied|append-only/);
      await expect(app.query("TRUNCATE audit_entry")).rejects.toThrow(/permission denied|append-only/);
      await expect(app.query("ALTER TABLE audit_entry DISABLE TRIGGER USER")).rejects.toThrow(/must be owner/);
      // Everyday tables stay writable.
      await app.query("UPDATE organization SET name = name");
    } finally {
      await app.end();
      await sql(`DROP OWNED BY ${role}`);
      await sql(`DROP ROLE ${role}`);
    }
  });
});
