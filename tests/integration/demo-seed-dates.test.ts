/**
 * Issue 17 point 11: the demo data is dated over the past year by the demo clock
 * (lib/orgs/demo-clock.ts), not all on the day the seed ran. The seed runs at a fixed instant, so
 * the dates below are exact: they are a function of the run instant and the demo story.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { seed } from "@/prisma/seed";
import { resetDb } from "../support/db";

const RUN_AT = new Date("2026-12-01T12:00:00.000Z");
const DAY = 86_400_000;
const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

beforeAll(async () => {
  await resetDb();
  await seed(RUN_AT);
}, 600_000);

const deal = (name: string) => db.deal.findFirstOrThrow({ where: { name } });

describe("demo seed dates", () => {
  it("signs deals in the weeks before their rights begin, spread over the year; waiting work is recent", async () => {
    // First grant 2026-01-01: proposed 40 days before, signed by the partner 27 and the studio 25 days before.
    const celestial = await deal("The Celestial Path · South-east Asia streaming 2026–2028");
    expect({
      proposed: iso(celestial.proposedAt),
      licensee: iso(celestial.licenseeSignedAt),
      licensor: iso(celestial.licensorSignedAt),
      signed: iso(celestial.signedAt),
    }).toEqual({
      proposed: "2025-11-22T10:00:00.000Z",
      licensee: "2025-12-05T15:00:00.000Z",
      licensor: "2025-12-07T11:00:00.000Z",
      signed: "2025-12-07T11:00:00.000Z",
    });
    // Awaiting the partner's signature: proposed and signed by the studio 12 days before the run.
    const kungFu = await deal("Kung Fu Delivery · Thai theatrical and pay TV 2026–2028");
    expect(kungFu.status).toBe("PROPOSED");
    expect(iso(kungFu.licensorSignedAt)).toBe("2026-11-19T15:00:00.000Z");
    // Terminated on its story date, after the unpaid instalment of 2025-12-31.
    const homebound = await deal("The Homebound Train · Thai free TV 2025–2027 (terminated)");
    expect(iso(homebound.terminatedAt)).toBe("2026-01-21T16:00:00.000Z");

    // The season 2 deal's amendment: proposed and signed on its story dates, before the run.
    const amendment = await db.dealAmendment.findFirstOrThrow({
      where: { deal: { name: "The Celestial Path · Season 2 · Thai pay TV 2026–2027" } },
    });
    expect({ proposed: iso(amendment.proposedAt), signed: iso(amendment.signedAt) }).toEqual({
      proposed: "2026-11-03T10:00:00.000Z",
      signed: "2026-11-12T15:00:00.000Z",
    });

    const signed = await db.deal.findMany({ where: { signedAt: { not: null } }, select: { signedAt: true } });
    expect(signed.length).toBeGreaterThanOrEqual(9);
    for (const d of signed) expect(d.signedAt!.getTime()).toBeLessThan(RUN_AT.getTime());
    const months = new Set(signed.map((d) => d.signedAt!.toISOString().slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(4);
  });

  it("submits statements ten days after their period and records receipts on the day they were received", async () => {
    const celestial = await deal("The Celestial Path · South-east Asia streaming 2026–2028");
    const january = await db.statement.findFirstOrThrow({
      where: { dealId: celestial.id, periodStart: new Date("2026-01-01T00:00:00Z") },
    });
    expect({ submitted: iso(january.createdAt), decided: iso(january.decidedAt) }).toEqual({
      submitted: "2026-02-10T09:00:00.000Z",
      decided: "2026-02-13T11:00:00.000Z",
    });
    const receipts = await db.receipt.findMany({ select: { receivedOn: true, createdAt: true } });
    expect(receipts.length).toBeGreaterThan(10);
    for (const r of receipts) expect(r.createdAt.toISOString().slice(0, 10)).toBe(r.receivedOn.toISOString().slice(0, 10));
  });

  it("disburses, defaults, writes off and repays advances on their own dates, so ages mean something", async () => {
    const advances = await db.advance.findMany({ include: { disbursement: true, ledgerEntries: true } });
    const one = (status: string) => {
      const found = advances.filter((a) => a.status === status);
      expect(found, status).toHaveLength(1);
      return found[0]!;
    };
    const defaulted = one("DEFAULTED");
    expect({
      applied: iso(defaulted.createdAt),
      decided: iso(defaulted.decidedAt),
      disbursed: iso(defaulted.disbursedAt),
      valueDate: iso(defaulted.disbursement?.valueDate),
      defaulted: iso(defaulted.defaultedAt),
    }).toEqual({
      applied: "2026-03-23T09:00:00.000Z",
      decided: "2026-03-27T15:00:00.000Z",
      disbursed: "2026-03-29T10:00:00.000Z",
      valueDate: "2026-03-29T00:00:00.000Z",
      defaulted: "2026-07-20T10:00:00.000Z",
    });
    // Not "0 days": disbursed eight months before the run.
    expect(Math.floor((RUN_AT.getTime() - defaulted.disbursedAt!.getTime()) / DAY)).toBe(247);

    const writtenOff = one("WRITTEN_OFF");
    expect([iso(writtenOff.disbursedAt), iso(writtenOff.defaultedAt), iso(writtenOff.writtenOffAt)]).toEqual([
      "2026-05-10T10:00:00.000Z",
      "2026-08-17T10:00:00.000Z",
      "2026-11-09T10:00:00.000Z",
    ]);
    const repaid = one("REPAID");
    expect([iso(repaid.disbursedAt), iso(repaid.repaidAt)]).toEqual(["2026-02-08T10:00:00.000Z", "2026-10-20T14:00:00.000Z"]);

    // The ledger is dated with the events it records.
    for (const a of [defaulted, writtenOff, repaid]) {
      for (const e of a.ledgerEntries) {
        const expected = { DISBURSEMENT: a.disbursedAt, FEE: a.disbursedAt, WRITE_OFF: a.writtenOffAt, RECOUPMENT: a.repaidAt }[e.kind];
        expect(iso(e.at), `${a.status} ${e.kind}`).toBe(iso(expected));
      }
    }
    // Applications still waiting for someone are recent.
    const submitted = one("SUBMITTED");
    expect(iso(submitted.submittedAt)).toBe("2026-11-29T11:00:00.000Z");
    const disbursed = advances.filter((a) => a.disbursedAt);
    expect(new Set(disbursed.map((a) => a.disbursedAt!.toISOString().slice(0, 7))).size).toBeGreaterThanOrEqual(4);
    for (const a of disbursed) expect(RUN_AT.getTime() - a.disbursedAt!.getTime()).toBeGreaterThan(30 * DAY);
  });
});
