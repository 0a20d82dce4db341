import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDb } from "../support/db";
import { facilityApi as api, approvedAdvance, facilityWorld, payment } from "./facility-fixtures";

beforeEach(() => resetDb());

describe("disbursement under concurrency", () => {
  it("20 concurrent requests (10 with one key, 10 with their own keys) pay exactly once", async () => {
    const w = await facilityWorld();
    const id = await approvedAdvance(w, "100000.00");
    const keys = [...Array.from({ length: 10 }, () => "shared-key"), ...Array.from({ length: 10 }, (_, i) => `own-key-${i}`)];
    const results = await Promise.all(keys.map((key) => api.disburse(w.officer.headers, id, key, { ...payment, note: "wire" })));

    expect(await db.disbursement.count({ where: { advanceId: id } })).toBe(1);
    expect(await db.ledgerEntry.count({ where: { advanceId: id, kind: "DISBURSEMENT" } })).toBe(1);
    expect(await db.ledgerEntry.count({ where: { advanceId: id, kind: "FEE" } })).toBe(1);
    const disbursement = await db.disbursement.findUniqueOrThrow({ where: { advanceId: id } });

    // Every answer is a success naming the one disbursement, or a 409 for another key.
    for (const [i, res] of results.entries()) {
      if (res.status === 200 || res.status === 201) expect(res.body.id).toBe(disbursement.id);
      else expect(res.status, `${keys[i]}: ${res.text}`).toBe(409);
    }
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const winnerKey = disbursement.idempotencyKey;
    if (winnerKey === "shared-key") {
      // All ten shared-key requests got the disbursement; all others were refused.
      expect(results.slice(0, 10).every((r) => r.status === 200 || r.status === 201)).toBe(true);
      expect(results.slice(10).every((r) => r.status === 409)).toBe(true);
    } else {
      expect(results.slice(0, 10).every((r) => r.status === 409)).toBe(true);
    }
    const advance = await api.advance(w.studio.headers, id);
    expect(advance.body.status).toBe("DISBURSED");
    expect(advance.body.balance.principal).toEqual({ amount: "100000.00", currency: "USD" });
  });

  it("concurrent attempts with the same key for two different advances: one pays, the other is refused 422", async () => {
    const w = await facilityWorld();
    const a = await approvedAdvance(w, "1000.00");
    const b = await approvedAdvance(w, "2000.00");
    const [ra, rb] = await Promise.all([api.disburse(w.officer.headers, a, "same"), api.disburse(w.officer.headers, b, "same")]);
    expect([ra.status, rb.status].sort()).toEqual([201, 422]);
    // The one paid is the advance answered 201, for its own amount.
    const [paid, amount] = ra.status === 201 ? [a, 100_000n] : [b, 200_000n];
    expect(await db.disbursement.findMany({ select: { advanceId: true, idempotencyKey: true } })).toEqual([
      { advanceId: paid, idempotencyKey: "same" },
    ]);
    expect(await db.ledgerEntry.findMany({ where: { kind: "DISBURSEMENT" }, select: { advanceId: true, amountMinor: true } })).toEqual([
      { advanceId: paid, amountMinor: amount },
    ]);
  });
});
