/**
 * Issue 17 point 16: POST /api/v1/deals/{id}/receipts accepts an Idempotency-Key with the
 * disbursement semantics, so a partner system retrying a timed-out request cannot record the same
 * cash twice: same key and body → the same receipt (200, Idempotent-Replayed); another body → 422.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { errorPaths, expectProblem } from "../support/api";
import { resetDb } from "../support/db";
import { statementsApi as api, rowCounts, signedWorld, usd, type World } from "./statements-fixtures";

let w: World;

beforeEach(async () => {
  await resetDb();
  w = await signedWorld();
});

const mg = (amount: string, instalmentIndex = 0) => ({
  kind: "MG_INSTALMENT",
  amount: usd(amount),
  receivedOn: "2027-01-15",
  instalmentIndex,
});
const withKey = (key: string) => ({ ...w.studio.headers, "Idempotency-Key": key });

describe("receipts with an Idempotency-Key", () => {
  it("answers a retry with the same key and body 200 with the same receipt, and records nothing more", async () => {
    const first = await api.receipt(withKey("bank-ref-0001"), w.dealId, mg("400.00"));
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const before = await rowCounts();
    // The same body with its keys in another order is the same request.
    const { instalmentIndex, ...rest } = mg("400.00");
    const retry = await api.receipt(withKey("bank-ref-0001"), w.dealId, { instalmentIndex, ...rest });
    expect(retry.status, retry.text).toBe(200);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect(await rowCounts()).toEqual(before);
    expect(await db.receipt.count()).toBe(1);
  });

  it("replays even when what the first request recorded leaves nothing open for the same body", async () => {
    // The first request takes the whole instalment; a fresh request like it would now be 422.
    expect((await api.receipt(withKey("k-full"), w.dealId, mg("400.00"))).status).toBe(201);
    expectProblem(await api.receipt(withKey("k-new"), w.dealId, mg("400.00")), 422);
    expect((await api.receipt(withKey("k-full"), w.dealId, mg("400.00"))).status).toBe(200);
    expect(await db.receipt.count()).toBe(1);
  });

  it("refuses the same key with another body (422 IDEMPOTENCY_KEY_REUSED) and records nothing", async () => {
    expect((await api.receipt(withKey("k-1"), w.dealId, mg("400.00"))).status).toBe(201);
    const before = await rowCounts();
    const other = expectProblem(await api.receipt(withKey("k-1"), w.dealId, mg("400.01")), 422);
    expect(other.type).toBe("/problems/idempotency-key-reused");
    expect(errorPaths(other)).toEqual(["Idempotency-Key"]);
    expect(await rowCounts()).toEqual(before);
  });

  it("records a new receipt under a new key, and without a key as before", async () => {
    const a = await api.receipt(withKey("k-a"), w.dealId, mg("100.00"));
    const b = await api.receipt(withKey("k-b"), w.dealId, mg("100.00"));
    const c = await api.receipt(w.studio.headers, w.dealId, mg("100.00"));
    const d = await api.receipt(w.studio.headers, w.dealId, mg("100.00"));
    expect([a.status, b.status, c.status, d.status]).toEqual([201, 201, 201, 201]);
    expect(new Set([a.body.id, b.body.id, c.body.id, d.body.id]).size).toBe(4);
    expect(await db.receipt.count()).toBe(4);
  });

  it("refuses a malformed key with 400 before anything is read or written", async () => {
    const before = await rowCounts();
    for (const key of ["with space", "ü", "x".repeat(256)]) {
      const res = expectProblem(await api.receipt(withKey(key), w.dealId, mg("100.00")), 400);
      expect(res.type, key).toBe("/problems/idempotency-key-invalid");
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("is race-proof: concurrent requests with the same key record one receipt; all answer it", async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.receipt(withKey("race-1"), w.dealId, mg("250.00"))));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await db.receipt.count()).toBe(1);
    expect(await db.auditEntry.count({ where: { action: "receipt.record" } })).toBe(1);
  });

  it("does not let the licensee or an outsider use a key to learn or record anything", async () => {
    const first = await api.receipt(withKey("k-own"), w.dealId, mg("100.00"));
    expect(first.status).toBe(201);
    const before = await rowCounts();
    const partner = await api.receipt({ ...w.partner.headers, "Idempotency-Key": "k-own" }, w.dealId, mg("100.00"));
    expect(partner.status).toBe(403);
    expect(partner.text).not.toContain(first.body.id);
    expect(await rowCounts()).toEqual(before);
  });
});
