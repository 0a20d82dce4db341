/**
 * The demo seed's export programme: the Silk Road Screen Export Fund with one application paid in
 * full and one in review, made through the commands (snapshots measured from the demo records),
 * and a second run changes nothing.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DEMO_PROGRAMME_NAME, seedProgrammes } from "@/lib/programmes/seed";
import { seed } from "@/prisma/seed";
import { resetDb } from "../support/db";

beforeAll(async () => {
  await resetDb();
  await seed();
}, 600_000);

describe("demo export programme", () => {
  it("has the fund, its people, one application awarded and paid and one in review", async () => {
    const org = await db.organization.findFirstOrThrow({
      where: { name: "Silk Road Screen Export Fund" },
      include: { memberships: { include: { user: true } } },
    });
    expect(org.kind).toBe("PROGRAMME");
    expect(org.memberships.map((m) => [m.user.email, m.role]).sort()).toEqual([
      ["programme.review@demo.rightsbridge.test", "MEMBER"],
      ["programme@demo.rightsbridge.test", "OWNER"],
    ]);
    const programme = await db.programme.findFirstOrThrow({ where: { orgId: org.id, nameEn: DEMO_PROGRAMME_NAME } });
    expect(programme.targetTerritories).toEqual(["SEA", "MENA", "LATAM"]);
    const apps = await db.programmeApplication.findMany({
      where: { programmeId: programme.id },
      include: { studio: true, ledgerEntries: true },
    });
    const byStudio = Object.fromEntries(apps.map((a) => [a.studio.name, a]));
    const jade = byStudio["Jade Mountain Pictures"]!;
    expect(jade.status).toBe("PAID");
    expect(jade.awardedMinor).toBeGreaterThan(0n);
    expect(jade.reviewedById).not.toBe(jade.decidedById);
    expect(jade.ledgerEntries.reduce((s, e) => s + e.amountMinor, 0n)).toBe(jade.awardedMinor);
    expect(byStudio["Hanbit Story Studios"]?.status).toBe("IN_REVIEW");
  });

  it("a second run creates nothing", async () => {
    const before = {
      apps: await db.programmeApplication.count(),
      ledger: await db.programmeLedgerEntry.count(),
      audit: await db.auditEntry.count(),
    };
    expect(await seedProgrammes()).toEqual({ created: false, skipped: [] });
    expect({
      apps: await db.programmeApplication.count(),
      ledger: await db.programmeLedgerEntry.count(),
      audit: await db.auditEntry.count(),
    }).toEqual(before);
  });
});
