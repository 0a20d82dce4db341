/**
 * The outcomes stay exact and quick on a deal with a large statement: 100,000 lines over 50 titles
 * and a year of monthly receipts. The lines are grouped in SQL (one pass), so the answer does not
 * grow with the number of lines; the figures are checked against sums computed here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { toDbDate } from "@/lib/dates";
import { db } from "@/lib/db/client";
import { type Registered, registerViaApi } from "../support/api";
import { resetDb } from "../support/db";
import { outcomesApi as api, receipt, signedDeal, title } from "./outcomes-fixtures";

const LINES = 100_000;
const TITLES = 50;
let studio: Registered;
let titleIds: string[];

beforeAll(async () => {
  await resetDb();
  studio = await registerViaApi({ organization: { name: "Big Studio", kind: "STUDIO", homeCountry: "CN" } });
  const partner = await registerViaApi({ organization: { name: "Big Partner", kind: "PARTNER", homeCountry: "US" } });
  titleIds = [];
  for (let i = 0; i < TITLES; i++) titleIds.push(await title(studio.orgId, `Title ${i}`, i % 2 ? ["CRIME"] : ["WUXIA", "DRAMA"]));
  const dealId = await signedDeal({
    licensorId: studio.orgId,
    licenseeId: partner.orgId,
    currency: "USD",
    grants: [{ titleId: titleIds[0]!, mediaRights: ["DIGITAL"] }],
  });
  const statement = await db.statement.create({
    data: {
      dealId,
      periodStart: toDbDate("2026-01-01"),
      periodEnd: toDbDate("2026-01-31"),
      currency: "USD",
      grossMinor: 0n,
      lineCount: LINES,
      source: "API",
    },
  });
  // Title i earns (i + 1) per line, so title weights are proportional to i + 1.
  await db.$executeRaw`
    INSERT INTO statement_line (id, statement_id, position, title_id, territory, media_right, revenue_type, gross_minor)
    SELECT gen_random_uuid(), ${statement.id}::uuid, n, (${titleIds}::uuid[])[(n % ${TITLES}) + 1], 'US',
      (ARRAY['SVOD','AVOD','TVOD'])[(n % 3) + 1], 'STREAMING'::revenue_type, (n % ${TITLES}) + 1
    FROM generate_series(1, ${LINES}) AS n`;
  for (let m = 1; m <= 12; m++) await receipt(dealId, "USD", 1_000_003n + BigInt(m), `2026-${String(m).padStart(2, "0")}-15`);
}, 120_000);

describe("outcomes at scale", () => {
  it("allocates a year of receipts over 100,000 lines exactly, in well under the request budget", async () => {
    const started = performance.now();
    const res = await api.get(studio.headers, { from: "2026-01-01", to: "2026-12-31", currency: "USD" });
    const ms = performance.now() - started;
    expect(res.status, res.text).toBe(200);
    const total = Array.from({ length: 12 }, (_, i) => 1_000_004n + BigInt(i)).reduce((a, b) => a + b, 0n);
    const minor = (amount: string) => BigInt(amount.replace(".", ""));
    expect(minor(res.body.receipts.amount)).toBe(total);
    expect(res.body.byTitle).toHaveLength(TITLES);
    expect(res.body.byTitle.reduce((s: bigint, r: { receipts: { amount: string } }) => s + minor(r.receipts.amount), 0n)).toBe(total);
    // The largest title (weight 50 of Σ 1..50 = 1275) gets its pro-rata share within a cent per receipt.
    const top = res.body.byTitle[0];
    expect(top.key).toBe(titleIds[TITLES - 1]);
    const exact = (total * 50n) / 1275n;
    expect(minor(top.receipts.amount) - exact).toBeLessThanOrEqual(12n);
    expect(exact - minor(top.receipts.amount)).toBeLessThanOrEqual(12n);
    expect(res.body.byMediaRight.map((r: { key: string }) => r.key).sort()).toEqual(["AVOD", "SVOD", "TVOD"]);
    // Generous for a loaded 2-core CI machine; locally this takes a few hundred milliseconds.
    expect(ms).toBeLessThan(5_000);
  });
});
