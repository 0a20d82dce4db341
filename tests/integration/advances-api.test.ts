import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { errorPaths } from "../support/api";
import { resetDb } from "../support/db";
import {
  facilityApi as api,
  approvedAdvance,
  disbursedAdvance,
  expectProblem,
  facilityWorld,
  payment,
  signedDeal,
  uploadDocument,
  usd,
} from "./facility-fixtures";

beforeEach(() => resetDb());

const ledgerSums = async (advanceId: string) => {
  const rows = await db.ledgerEntry.findMany({ where: { advanceId } });
  let principal = 0n;
  let fee = 0n;
  for (const r of rows) {
    if (r.kind === "DISBURSEMENT") principal += r.amountMinor;
    if (r.kind === "FEE") fee += r.amountMinor;
    principal -= r.principalPartMinor;
    fee -= r.feePartMinor;
  }
  return { principal, fee, owed: principal + fee, count: rows.length };
};

describe("applications", () => {
  it("a studio applies against its own signed cross-border deal, sees the limits, submits; the facility approves and another person disburses", async () => {
    const w = await facilityWorld();
    const preview = await api.eligibility(w.studio.headers, { dealId: w.dealId, amount: "100000.00" });
    expect(preview.status).toBe(200);
    // 70% × 1,000,000.00 MG, nothing received or outstanding.
    expect(preview.body.eligibleBase).toEqual(usd("700000.00"));
    expect(
      preview.body.limits.map((l: { rule: string; limit: { amount: string }; ok: boolean }) => [l.rule, l.limit.amount, l.ok]),
    ).toEqual([
      ["ELIGIBLE_BASE", "700000.00", true],
      ["MAX_PER_DEAL", "400000.00", true],
      ["CAPACITY", "1000000.00", true],
      ["LICENSEE_CONCENTRATION", "500000.00", true],
    ]);

    const created = await api.apply(w.studio.headers, { dealId: w.dealId, amount: usd("100000.00"), purpose: "Dubbing" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ dealId: w.dealId, status: "DRAFT", amount: usd("100000.00"), approvedAmount: null });
    const id = created.body.id;
    // A draft is the studio's alone: the facility neither reads nor lists it until it is submitted.
    expectProblem(await api.advance(w.underwriter.headers, id), 404);
    expect((await api.list(w.underwriter.headers)).body.items).toEqual([]);
    expect((await api.submit(w.studio.headers, id)).body.status).toBe("SUBMITTED");
    expect((await api.advance(w.underwriter.headers, id)).status).toBe(200);

    const reviewed = await api.review(w.underwriter.headers, id);
    expect(reviewed.body.status).toBe("UNDER_REVIEW");
    const approved = await api.decide(w.underwriter.headers, id, {
      decision: "APPROVED",
      amount: usd("80000.00"),
      conditions: "Deliver the Thai dub by March.",
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: "APPROVED",
      approvedAmount: usd("80000.00"),
      conditions: "Deliver the Thai dub by March.",
    });
    expect(approved.body.eligibility.limits).toHaveLength(4);
    // The eligibility shown from now on is the one fixed at the decision (for the approved amount).
    expect(
      approved.body.eligibility.limits.every(
        (l: { requested: unknown }) => JSON.stringify(l.requested) === JSON.stringify(usd("80000.00")),
      ),
    ).toBe(true);

    const paid = await api.disburse(w.officer.headers, id, "pay-1", { ...payment, note: "SWIFT ref 42" });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ advanceId: id, principal: usd("80000.00"), fee: usd("1600.00") });

    const after = await api.advance(w.studio.headers, id);
    expect(after.body.status).toBe("DISBURSED");
    expect(after.body.balance).toEqual({ principal: usd("80000.00"), fee: usd("1600.00"), owed: usd("81600.00") });
    expect(after.body.ledger.map((e: { kind: string; amount: unknown }) => [e.kind, e.amount])).toEqual([
      ["DISBURSEMENT", usd("80000.00")],
      ["FEE", usd("1600.00")],
    ]);
    const sums = await ledgerSums(id);
    expect(sums.owed).toBe(8_160_000n);
    expect(after.body.timeline.map((t: { action: string }) => t.action)).toEqual([
      "advance.create",
      "advance.submit",
      "advance.review",
      "advance.approve",
      "advance.disburse",
    ]);
  });

  it("refuses applications against deals that are not the studio's own signed cross-border deals, and amounts in another currency", async () => {
    const w = await facilityWorld();
    const domesticPartner = await db.organization.create({ data: { name: "Beijing Partner", kind: "PARTNER", homeCountry: "CN" } });
    const domestic = await signedDeal({
      licensorId: w.studio.orgId,
      licenseeId: domesticPartner.id,
      currency: "USD",
      mgMinor: 1_000_000n,
      titleId: w.titleId,
    });
    const draft = await signedDeal({
      licensorId: w.studio.orgId,
      licenseeId: w.partner.orgId,
      currency: "USD",
      mgMinor: 1_000_000n,
      titleId: w.titleId,
      status: "DRAFT",
    });
    const othersTitle = await db.title.create({
      data: { studioId: w.otherStudio.orgId, kind: "FILM", originalTitle: "Other", originalLanguage: "ko", year: 2024, genres: [] },
    });
    const others = await signedDeal({
      licensorId: w.otherStudio.orgId,
      licenseeId: w.partner.orgId,
      currency: "USD",
      mgMinor: 1_000_000n,
      titleId: othersTitle.id,
    });
    for (const dealId of [domestic, draft, others]) {
      const res = await api.apply(w.studio.headers, { dealId, amount: usd("1000.00"), purpose: "x" });
      expect(errorPaths(expectProblem(res, 422))).toEqual(["dealId"]);
    }
    const wrongCurrency = await api.apply(w.studio.headers, {
      dealId: w.dealId,
      amount: { amount: "1000.00", currency: "EUR" },
      purpose: "x",
    });
    expect(errorPaths(expectProblem(wrongCurrency, 422))).toEqual(["amount.currency"]);
    const tooManyDigits = await api.apply(w.studio.headers, {
      dealId: w.dealId,
      amount: { amount: "1000.001", currency: "USD" },
      purpose: "x",
    });
    expect(expectProblem(tooManyDigits, 422).errors?.[0]?.path).toMatch(/^amount/);
    // Partners and facilities cannot apply at all.
    expectProblem(await api.apply(w.partner.headers, { dealId: w.dealId, amount: usd("1000.00"), purpose: "x" }), 403);
    expectProblem(await api.apply(w.underwriter.headers, { dealId: w.dealId, amount: usd("1000.00"), purpose: "x" }), 403);
    expect(await db.advance.count()).toBe(0);
  });

  it("a decline needs a reason and records it; a declined advance cannot be disbursed", async () => {
    const w = await facilityWorld();
    const created = await api.apply(w.studio.headers, { dealId: w.dealId, amount: usd("5000.00"), purpose: "x", submit: true });
    expect(created.body.status).toBe("SUBMITTED");
    const id = created.body.id;
    expect(errorPaths(expectProblem(await api.decide(w.underwriter.headers, id, { decision: "DECLINED" }), 422))).toEqual(["reason"]);
    const declined = await api.decide(w.underwriter.headers, id, { decision: "DECLINED", reason: "Licensee too new." });
    expect(declined.body).toMatchObject({ status: "DECLINED", declineReason: "Licensee too new." });
    expectProblem(await api.disburse(w.officer.headers, id, "k"), 409);
    expectProblem(await api.decide(w.underwriter.headers, id, { decision: "APPROVED" }), 409);
  });
});

describe("approval limits", () => {
  const limitsOf = (body: { rules: { rule: string }[] }) => body.rules.map((r) => r.rule);

  it("an amount above the eligible base is refused with the numbers", async () => {
    const w = await facilityWorld({ maxPerDealMinor: 100_000_000n, maxPerLicenseePct: "100" });
    const created = await api.apply(w.studio.headers, { dealId: w.dealId, amount: usd("700000.01"), purpose: "x", submit: true });
    const res = await api.decide(w.underwriter.headers, created.body.id, { decision: "APPROVED" });
    const problem = expectProblem<{ rules: { rule: string; limit: unknown }[]; detail: string }>(res, 422);
    expect(limitsOf(problem)).toEqual(["ELIGIBLE_BASE"]);
    expect(problem.rules[0]!.limit).toEqual(usd("700000.00"));
    expect(problem.detail).toContain("700000.01");
    expect((await db.advance.findUniqueOrThrow({ where: { id: created.body.id } })).status).toBe("UNDER_REVIEW");
  });

  it("maxPerDeal, capacity and licensee concentration each refuse, all listed together", async () => {
    // capacity 100,000.00; maxPerDeal 50,000.00; licensee 40% of capacity = 40,000.00.
    const w = await facilityWorld({ capacityMinor: 10_000_000n, maxPerDealMinor: 5_000_000n, maxPerLicenseePct: "40" });
    const first = await disbursedAdvance(w, "30000.00"); // outstanding 30,000.00 on this licensee
    expect((await api.advance(w.studio.headers, first)).body).toMatchObject({
      status: "DISBURSED",
      balance: { principal: usd("30000.00") },
    });
    const created = await api.apply(w.studio.headers, { dealId: w.dealId, amount: usd("75000.00"), purpose: "x", submit: true });
    const res = await api.decide(w.underwriter.headers, created.body.id, { decision: "APPROVED" });
    const problem = expectProblem<{ rules: { rule: string; used: unknown; limit: unknown }[]; errors: unknown[] }>(res, 422);
    expect(limitsOf(problem)).toEqual(["MAX_PER_DEAL", "CAPACITY", "LICENSEE_CONCENTRATION"]);
    expect(problem.rules[1]).toMatchObject({ limit: usd("100000.00"), used: usd("30000.00") });
    expect(problem.rules[2]).toMatchObject({ limit: usd("40000.00"), used: usd("30000.00") });
    expect(problem.errors).toEqual([
      {
        path: "amount",
        message: "75000.00 USD exceeds the maximum per deal: limit 50000.00, already used 0.00, available 50000.00 USD.",
        code: "INVALID_VALUE",
        params: {},
      },
      {
        path: "amount",
        message: "75000.00 USD exceeds the facility's remaining capacity: limit 100000.00, already used 30000.00, available 70000.00 USD.",
        code: "INVALID_VALUE",
        params: {},
      },
      {
        path: "amount",
        message: "75000.00 USD exceeds the licensee concentration limit: limit 40000.00, already used 30000.00, available 10000.00 USD.",
        code: "INVALID_VALUE",
        params: {},
      },
    ]);
    // A lower amount within every limit is approved.
    const ok = await api.decide(w.underwriter.headers, created.body.id, { decision: "APPROVED", amount: usd("10000.00") });
    expect(ok.body.status).toBe("APPROVED");
  });

  it("approved, undisbursed amounts are reserved: two approvals cannot together exceed capacity", async () => {
    const w = await facilityWorld({ capacityMinor: 10_000_000n, maxPerDealMinor: 10_000_000n, maxPerLicenseePct: "100" });
    await approvedAdvance(w, "60000.00");
    const second = await api.apply(w.studio.headers, { dealId: w.dealId, amount: usd("50000.00"), purpose: "x", submit: true });
    const res = await api.decide(w.underwriter.headers, second.body.id, { decision: "APPROVED" });
    const problem = expectProblem<{ rules: { rule: string }[] }>(res, 422);
    // The 60,000.00 approved but not yet paid counts as used: against capacity, and against the
    // licensee's share of it (100% here, so the same numbers).
    expect(problem.rules).toEqual([
      expect.objectContaining({ rule: "CAPACITY", limit: usd("100000.00"), used: usd("60000.00") }),
      expect.objectContaining({ rule: "LICENSEE_CONCENTRATION", limit: usd("100000.00"), used: usd("60000.00") }),
    ]);
  });

  it("concurrent approvals that together exceed capacity: exactly one is approved", async () => {
    const w = await facilityWorld({ capacityMinor: 10_000_000n, maxPerDealMinor: 10_000_000n, maxPerLicenseePct: "100" });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const created = await api.apply(w.studio.headers, { dealId: w.dealId, amount: usd("60000.00"), purpose: `x${i}`, submit: true });
      ids.push(created.body.id);
    }
    const results = await Promise.all(ids.map((id) => api.decide(w.underwriter.headers, id, { decision: "APPROVED" })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 422, 422, 422]);
    expect(await db.advance.count({ where: { status: "APPROVED" } })).toBe(1);
  });

  it("deal amounts in another currency are valued with the FX rate in force on the decision date", async () => {
    const w = await facilityWorld({ maxPerDealMinor: 100_000_000n, maxPerLicenseePct: "100" });
    const cnyDeal = await signedDeal({
      licensorId: w.studio.orgId,
      licenseeId: w.partner.orgId,
      currency: "CNY",
      mgMinor: 71_000_000n,
      titleId: w.titleId,
    });
    // No rate yet: the preview says which rate is missing.
    const missing = await api.eligibility(w.studio.headers, { dealId: cnyDeal });
    expect(expectProblem(missing, 422).type).toBe("/problems/fx-rate-missing");
    await db.fxRate.create({ data: { date: new Date("2026-01-01T00:00:00Z"), base: "USD", quote: "CNY", rate: "7.1" } });
    const preview = await api.eligibility(w.studio.headers, { dealId: cnyDeal });
    // 710,000.00 CNY at 7.1 → 100,000.00 USD; 70% → 70,000.00.
    expect(preview.body.mgContractedConverted).toMatchObject({ to: usd("100000.00"), rateDate: "2026-01-01" });
    expect(preview.body.eligibleBase).toEqual(usd("70000.00"));
  });
});

describe("disbursement", () => {
  it("needs an Idempotency-Key; a retry with the same key and body returns the same disbursement; another body is 422; another key is 409", async () => {
    const w = await facilityWorld();
    const id = await approvedAdvance(w);
    const noKey = expectProblem(await api.disburse(w.officer.headers, id, null), 400);
    expect(noKey.type).toBe("/problems/idempotency-key-required");
    const first = await api.disburse(w.officer.headers, id, "key-A", { ...payment, note: "wire 1" });
    expect(first.status).toBe(201);
    const again = await api.disburse(w.officer.headers, id, "key-A", { ...payment, note: "wire 1" });
    expect(again.status).toBe(200);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.id).toBe(first.body.id);
    expectProblem(await api.disburse(w.officer.headers, id, "key-A", { ...payment, note: "wire 2" }), 422);
    const other = expectProblem(await api.disburse(w.officer.headers, id, "key-B"), 409);
    expect(other.type).toBe("/problems/already-disbursed");
    expect(await db.disbursement.count()).toBe(1);
    expect(await db.ledgerEntry.count({ where: { kind: "DISBURSEMENT" } })).toBe(1);
  });

  it("records the bank's payment reference, value date and paying account: each required (422 naming it), part of the replayed request, on the ledger", async () => {
    const w = await facilityWorld();
    const id = await approvedAdvance(w);
    const none = expectProblem(await api.disburse(w.officer.headers, id, "k-none", {}), 422);
    expect(errorPaths(none).sort()).toEqual(["payingAccount", "paymentReference", "valueDate"]);
    const noBody = expectProblem(await api.disburse(w.officer.headers, id, "k-nobody", null), 422);
    expect(noBody.status).toBe(422);
    const tomorrow = new Date(Date.now() + 15 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
    const bad = expectProblem(
      await api.disburse(w.officer.headers, id, "k-bad", {
        paymentReference: "x".repeat(101),
        valueDate: tomorrow,
        payingAccount: "   ",
      }),
      422,
    );
    expect(errorPaths(bad).sort()).toEqual(["payingAccount", "paymentReference", "valueDate"]);
    expectProblem(await api.disburse(w.officer.headers, id, "k-date", { ...payment, valueDate: "2026-02-30" }), 422);
    expect(await db.disbursement.count()).toBe(0);
    expect(await db.ledgerEntry.count()).toBe(0);

    const first = await api.disburse(w.officer.headers, id, "k-1", { ...payment, paymentReference: "  UETR 8a1f  " });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ paymentReference: "UETR 8a1f", valueDate: payment.valueDate, payingAccount: payment.payingAccount });
    // The same key with another reference, date or account is another request: 422, nothing paid twice.
    for (const other of [{ paymentReference: "UETR 9999" }, { valueDate: "2026-11-30" }, { payingAccount: "Another account" }]) {
      const reused = expectProblem(
        await api.disburse(w.officer.headers, id, "k-1", { ...payment, paymentReference: "  UETR 8a1f  ", ...other }),
        422,
      );
      expect(reused.type).toBe("/problems/idempotency-key-reused");
    }
    const replay = await api.disburse(w.officer.headers, id, "k-1", { ...payment, paymentReference: "  UETR 8a1f  " });
    expect(replay.status).toBe(200);
    expect(replay.body.id).toBe(first.body.id);

    const row = await db.disbursement.findUniqueOrThrow({ where: { advanceId: id } });
    expect([row.paymentReference, row.valueDate?.toISOString().slice(0, 10), row.payingAccount]).toEqual([
      "UETR 8a1f",
      payment.valueDate,
      payment.payingAccount,
    ]);
    for (const viewer of [w.officer.headers, w.studio.headers]) {
      const advance = await api.advance(viewer, id);
      const facts = advance.body.ledger.map(
        (e: { kind: string; paymentReference: string | null; valueDate: string | null; payingAccount: string | null }) => [
          e.kind,
          e.paymentReference,
          e.valueDate,
          e.payingAccount,
        ],
      );
      expect(facts).toEqual([
        ["DISBURSEMENT", "UETR 8a1f", payment.valueDate, payment.payingAccount],
        ["FEE", "UETR 8a1f", payment.valueDate, payment.payingAccount],
      ]);
    }
  });

  it("four-eyes: the approver cannot disburse (403 saying so); studios cannot disburse", async () => {
    const w = await facilityWorld();
    const id = await approvedAdvance(w);
    const own = expectProblem(await api.disburse(w.underwriter.headers, id, "k1"), 403);
    expect(own.type).toBe("/problems/four-eyes");
    expect(own.detail).toMatch(/approved this advance/);
    expectProblem(await api.disburse(w.studio.headers, id, "k2"), 403);
    const view = await api.advance(w.underwriter.headers, id);
    expect(view.body.viewer).toMatchObject({ canDisburse: false, fourEyesBlocked: true });
    expect((await api.advance(w.officer.headers, id)).body.viewer).toMatchObject({ canDisburse: true, fourEyesBlocked: false });
    expect(await db.disbursement.count()).toBe(0);
  });

  it("approvals and disbursements need a person: a facility API key reads but cannot approve or disburse", async () => {
    const w = await facilityWorld();
    const { createApiKeyViaApi, bearer } = await import("../support/api");
    const key = bearer((await createApiKeyViaApi(w.underwriter.headers)).key);
    const created = await api.apply(w.studio.headers, { dealId: w.dealId, amount: usd("1000.00"), purpose: "x", submit: true });
    expect((await api.advance(key, created.body.id)).status).toBe(200);
    expectProblem(await api.decide(key, created.body.id, { decision: "APPROVED" }), 403);
    const approved = await approvedAdvance(w, "1000.00");
    expectProblem(await api.disburse(key, approved, "api-key-try"), 403);
    expect(await db.disbursement.count()).toBe(0);
  });

  it("a zero fee writes no FEE entry", async () => {
    const w = await facilityWorld({ feePct: "0" });
    const id = await disbursedAdvance(w, "1000.00");
    const kinds = (await db.ledgerEntry.findMany({ where: { advanceId: id } })).map((e) => e.kind);
    expect(kinds).toEqual(["DISBURSEMENT"]);
  });
});

describe("who sees and does what", () => {
  it("only the facility decides; partners and other studios get 404; the studio sees only its own advances", async () => {
    const w = await facilityWorld();
    const created = await api.apply(w.studio.headers, { dealId: w.dealId, amount: usd("1000.00"), purpose: "x", submit: true });
    const id = created.body.id;
    expectProblem(await api.decide(w.studio.headers, id, { decision: "APPROVED" }), 403);
    for (const outsider of [w.partner.headers, w.otherStudio.headers]) {
      expectProblem(await api.advance(outsider, id), 404);
      expectProblem(await api.decide(outsider, id, { decision: "APPROVED" }), 404);
      expectProblem(await api.disburse(outsider, id, "k"), 404);
      expectProblem(await api.submit(outsider, id), 404);
      expectProblem(await api.default(outsider, id, { reason: "x" }), 404);
      expectProblem(await api.writeOff(outsider, id), 404);
      expectProblem(await api.documents(outsider, id), 404);
    }
    expectProblem(await api.list(w.partner.headers), 404);
    expect((await api.list(w.otherStudio.headers)).body.items).toEqual([]);
    expectProblem(await api.portfolio(w.studio.headers), 404);
    expectProblem(await api.portfolio(w.partner.headers), 404);
    expectProblem(await api.get(w.partner.headers), 404);
    expect((await api.list(w.studio.headers)).body.items.map((a: { id: string }) => a.id)).toEqual([id]);
    expect((await api.list(w.underwriter.headers)).body.items.map((a: { id: string }) => a.id)).toEqual([id]);
    // Another facility organisation sees nothing of this one.
    const otherFacility = await db.organization.create({
      data: {
        name: "Other Finance",
        kind: "FACILITY",
        homeCountry: "SG",
        memberships: { create: { userId: w.partner.userId, role: "OWNER" } },
      },
    });
    const { sessionHeaders } = await import("../support/api");
    const otherHeaders = await sessionHeaders(w.partner.userId, otherFacility.id);
    expectProblem(await api.advance(otherHeaders, id), 404);
    expectProblem(await api.decide(otherHeaders, id, { decision: "APPROVED" }), 404);
    expect((await db.advance.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");
  });
});

describe("default and write-off", () => {
  it("DISBURSED → DEFAULTED (reason) → WRITTEN_OFF with a WRITE_OFF entry for everything owed", async () => {
    const w = await facilityWorld();
    const id = await disbursedAdvance(w, "10000.00");
    expectProblem(await api.writeOff(w.underwriter.headers, id), 409);
    expect(errorPaths(expectProblem(await api.default(w.underwriter.headers, id, {}), 422))).toEqual(["reason"]);
    const defaulted = await api.default(w.underwriter.headers, id, { reason: "Licensee insolvent." });
    expect(defaulted.body).toMatchObject({ status: "DEFAULTED", defaultReason: "Licensee insolvent." });
    const written = await api.writeOff(w.underwriter.headers, id, { reason: "Unrecoverable" });
    expect(written.status).toBe(200);
    expect(written.body.status).toBe("WRITTEN_OFF");
    const writeOff = written.body.ledger.find((e: { kind: string }) => e.kind === "WRITE_OFF");
    expect(writeOff).toMatchObject({ amount: usd("10200.00"), feePart: usd("200.00"), principalPart: usd("10000.00") });
    expect(written.body.balance).toEqual({ principal: usd("0.00"), fee: usd("0.00"), owed: usd("0.00") });
    expect((await ledgerSums(id)).owed).toBe(0n);
    expectProblem(await api.writeOff(w.underwriter.headers, id), 409);
  });
});

describe("facility settings", () => {
  it("facility admins change settings with an optimistic lock; members cannot; the currency is locked once advances exist", async () => {
    const w = await facilityWorld();
    const read = await api.get(w.underwriter.headers);
    expect(read.body).toMatchObject({
      currency: "USD",
      capacity: usd("1000000.00"),
      advanceRatePct: "70",
      sweepPct: "100",
      utilisationPct: "0.00",
    });
    const body = {
      currency: "USD",
      capacity: usd("2000000.00"),
      advanceRatePct: "60",
      maxPerDeal: usd("500000.00"),
      maxPerLicenseePct: "40",
      feePct: "1.5",
      sweepPct: "80",
      version: read.body.version,
    };
    expectProblem(await api.put(w.officer.headers, body), 403);
    const changed = await api.put(w.underwriter.headers, body);
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ capacity: usd("2000000.00"), feePct: "1.5", sweepPct: "80" });
    expectProblem(await api.put(w.underwriter.headers, body), 409); // stale version
    const audit = await db.auditEntry.findFirst({ where: { action: "facility.settings.update" } });
    expect(audit?.after).toMatchObject({ capacityMinor: "200000000", feePct: "1.5" });

    await disbursedAdvance(w, "1000.00");
    const toCny = await api.put(w.underwriter.headers, {
      ...body,
      currency: "CNY",
      capacity: { amount: "1.00", currency: "CNY" },
      maxPerDeal: { amount: "1.00", currency: "CNY" },
      version: undefined,
    });
    expect(expectProblem(toCny, 409).type).toBe("/problems/currency-locked");
    expect((await api.get(w.underwriter.headers)).body).toMatchObject({ principalOutstanding: usd("1000.00"), utilisationPct: "0.05" });
    // A studio reads the terms, not the facility's state (issue 11).
    const studioView = await api.get(w.studio.headers);
    expect(studioView.body).toMatchObject({ currency: "USD", feePct: "1.5" });
    expect(studioView.body).not.toHaveProperty("principalOutstanding");
  });

  it("names both utilisation figures, outstanding ÷ capacity and (outstanding + reserved) ÷ capacity, the same in the facility, the portfolio and its CSV; staff only", async () => {
    const w = await facilityWorld(); // capacity 1,000,000.00
    await disbursedAdvance(w, "45400.00");
    await approvedAdvance(w, "14200.00"); // reserved, not yet paid
    const figures = { utilisationPct: "4.54", utilisationWithReservedPct: "5.96" };
    const facility = await api.get(w.underwriter.headers);
    expect(facility.body).toMatchObject({ ...figures, principalOutstanding: usd("45400.00"), approvedUndisbursed: usd("14200.00") });
    expect((await api.get(w.officer.headers)).body).toMatchObject(figures);
    expect((await api.portfolio(w.underwriter.headers)).body).toMatchObject(figures);
    const csv = await api.portfolio(w.underwriter.headers, { format: "csv" });
    expect(csv.text).toMatch(/\ntotal,utilisation_pct,[^\n]*,4\.54,/);
    expect(csv.text).toMatch(/\ntotal,utilisation_with_reserved_pct,[^\n]*,5\.96,/);
    // The capacity check counts the same two amounts: used 59,600.00 of 1,000,000.00.
    const check = await api.eligibility(w.studio.headers, { dealId: w.dealId, amount: "100.00" });
    expect(check.body.limits.find((l: { rule: string }) => l.rule === "CAPACITY")).toMatchObject({ used: usd("59600.00") });
    expect((await api.get(w.studio.headers)).body).not.toHaveProperty("utilisationWithReservedPct");
  });

  it("a capacity below outstanding + reserved is 422 CAPACITY_BELOW_EXPOSURE naming both amounts, nothing saved, unless acknowledged: then 200 with the warning", async () => {
    const w = await facilityWorld();
    await disbursedAdvance(w, "30000.00");
    await approvedAdvance(w, "20000.00"); // exposure 50,000.00
    const read = await api.get(w.underwriter.headers);
    const body = (amount: string, extra: Record<string, unknown> = {}) => ({
      currency: "USD",
      capacity: usd(amount),
      advanceRatePct: "70",
      maxPerDeal: usd("400000.00"),
      maxPerLicenseePct: "50",
      feePct: "2",
      ...extra,
    });
    const refused = expectProblem<Record<string, unknown>>(
      await api.put(w.underwriter.headers, body("49999.99", { version: read.body.version })),
      422,
    );
    expect(refused).toMatchObject({
      type: "/problems/capacity-below-exposure",
      capacity: usd("49999.99"),
      exposure: usd("50000.00"),
      principalOutstanding: usd("30000.00"),
      approvedUndisbursed: usd("20000.00"),
    });
    expect(refused.detail).toContain("49999.99 USD");
    expect(refused.detail).toContain("50000.00 USD");
    expect(errorPaths(refused as never)).toEqual(["capacity"]);
    expectProblem(await api.put(w.underwriter.headers, body("1.00", { acknowledgeBelowExposure: false })), 422);
    const unchanged = await api.get(w.underwriter.headers);
    expect(unchanged.body).toMatchObject({ version: read.body.version, capacity: usd("1000000.00") });
    expect(await db.auditEntry.count({ where: { action: "facility.settings.update" } })).toBe(0);

    // Exactly the exposure is not below it: saved, no warning.
    const equal = await api.put(w.underwriter.headers, body("50000.00"));
    expect(equal.status).toBe(200);
    expect(equal.body.warnings).toEqual([]);

    const lowered = await api.put(w.underwriter.headers, body("1000.00", { acknowledgeBelowExposure: true }));
    expect(lowered.status).toBe(200);
    expect(lowered.body.capacity).toEqual(usd("1000.00"));
    expect(lowered.body.warnings).toEqual([
      expect.objectContaining({
        code: "CAPACITY_BELOW_EXPOSURE",
        capacity: usd("1000.00"),
        exposure: usd("50000.00"),
        detail: expect.stringContaining("50000.00 USD"),
      }),
    ]);
    const audit = await db.auditEntry.findFirst({ where: { action: "facility.settings.update" }, orderBy: { id: "desc" } });
    expect(audit?.after).toMatchObject({ capacityMinor: "100000", acknowledgedBelowExposure: true });
    // Members cannot, acknowledged or not.
    expectProblem(await api.put(w.officer.headers, body("1.00", { acknowledgeBelowExposure: true })), 403);
    expectProblem(await api.put(w.underwriter.headers, body("1.00", { acknowledgeBelowExposure: "yes" })), 422);
  });

  it("a lower capacity never invalidates existing advances; it only constrains new approvals", async () => {
    const w = await facilityWorld();
    const id = await disbursedAdvance(w, "50000.00");
    const read = await api.get(w.underwriter.headers);
    const res = await api.put(w.underwriter.headers, {
      currency: "USD",
      capacity: usd("10000.00"),
      advanceRatePct: "70",
      maxPerDeal: usd("400000.00"),
      maxPerLicenseePct: "50",
      feePct: "2",
      version: read.body.version,
    });
    // Below exposure: refused unless acknowledged (issue 17), then saved with a warning.
    const refusedLower = expectProblem<{ capacity: unknown; exposure: unknown }>(res, 422);
    expect(refusedLower).toMatchObject({ type: "/problems/capacity-below-exposure", capacity: usd("10000.00"), exposure: usd("50000.00") });
    const acknowledged = await api.put(w.underwriter.headers, {
      currency: "USD",
      capacity: usd("10000.00"),
      advanceRatePct: "70",
      maxPerDeal: usd("400000.00"),
      maxPerLicenseePct: "50",
      feePct: "2",
      version: read.body.version,
      acknowledgeBelowExposure: true,
    });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.utilisationPct).toBe("500.00");
    expect((await api.advance(w.studio.headers, id)).body.status).toBe("DISBURSED");
    const next = await api.apply(w.studio.headers, { dealId: w.dealId, amount: usd("100.00"), purpose: "x", submit: true });
    const refused = expectProblem<{
      rules: { rule: string }[];
    }>(await api.decide(w.underwriter.headers, next.body.id, { decision: "APPROVED" }), 422);
    // Over the lowered capacity, and over the licensee's 50% of it.
    expect(refused.rules.map((r) => r.rule)).toEqual(["CAPACITY", "LICENSEE_CONCENTRATION"]);
  });
});

describe("documents", () => {
  it("the studio attaches PDFs and images; other types and other organisations are refused", async () => {
    const w = await facilityWorld();
    const created = await api.apply(w.studio.headers, { dealId: w.dealId, amount: usd("1000.00"), purpose: "x" });
    const id = created.body.id;
    const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n");
    const up = await uploadDocument(w.studio.headers, id, pdf, "contract.pdf", "application/pdf");
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ fileName: "contract.pdf", contentType: "application/pdf", sizeBytes: pdf.byteLength });
    const exe = await uploadDocument(w.studio.headers, id, new TextEncoder().encode("MZ\x90\x00binary"), "tool.pdf", "application/pdf");
    expect(exe.status).toBe(415);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-"));
    expect((await uploadDocument(w.studio.headers, id, big, "big.pdf", "application/pdf")).status).toBe(413);
    expect((await uploadDocument(w.partner.headers, id, pdf, "x.pdf", "application/pdf")).status).toBe(404);
    // The facility reads the documents once the application is submitted (a draft is the studio's).
    expectProblem(await api.documents(w.underwriter.headers, id), 404);
    await api.submit(w.studio.headers, id);

    const list = await api.documents(w.underwriter.headers, id);
    expect(list.body.items).toHaveLength(1);
    const download = await api.document(w.underwriter.headers, id, up.body.id);
    expect(download.status).toBe(200);
    expect(download.text).toContain("%PDF-1.7");
    expectProblem(await api.document(w.partner.headers, id, up.body.id), 404);
  });
});

describe("the ledger", () => {
  it("refuses UPDATE and DELETE (append-only trigger)", async () => {
    const w = await facilityWorld();
    const id = await disbursedAdvance(w, "1000.00");
    const entry = await db.ledgerEntry.findFirstOrThrow({ where: { advanceId: id } });
    await expect(db.$executeRaw`UPDATE ledger_entry SET amount_minor = 1 WHERE id = ${entry.id}`).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`DELETE FROM ledger_entry WHERE id = ${entry.id}`).rejects.toThrow(/append-only/);
    expect((await db.ledgerEntry.findUniqueOrThrow({ where: { id: entry.id } })).amountMinor).toBe(100_000n);
  });
});
