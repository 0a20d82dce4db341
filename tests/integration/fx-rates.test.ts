import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/fx-rates/import/route";
import { GET as getRates, PUT as putRates } from "@/app/api/v1/fx-rates/route";
import { db } from "@/lib/db/client";
import { convertMinor, rateOn } from "@/lib/fx/queries";
import { callRoute, errorPaths, expectProblem, type Registered, registerViaApi, sessionHeaders } from "../support/api";
import { resetDb } from "../support/db";

let admin: Record<string, string>;
let studio: Registered;

beforeEach(async () => {
  await resetDb();
  const operator = await registerViaApi({ email: "ops@platform.test" });
  const platform = await db.organization.create({
    data: { name: "Ops", kind: "PLATFORM", homeCountry: "SG", memberships: { create: { userId: operator.userId, role: "ADMIN" } } },
  });
  admin = await sessionHeaders(operator.userId, platform.id);
  studio = await registerViaApi({ organization: { name: "Jade", kind: "STUDIO", homeCountry: "CN" } });
});

const put = (headers: Record<string, string>, json: unknown) => callRoute(putRates, "/api/v1/fx-rates", { method: "PUT", headers, json });

async function importCsv(headers: Record<string, string>, csv: string, dryRun = false) {
  const form = new FormData();
  form.set("file", new File([csv], "rates.csv", { type: "text/csv" }));
  if (dryRun) form.set("dryRun", "true");
  const encoded = new Response(form);
  const req = new NextRequest("http://localhost:3000/api/v1/fx-rates/import", {
    method: "POST",
    headers: { ...headers, "content-type": encoded.headers.get("content-type")! },
    body: new Uint8Array(await encoded.arrayBuffer()),
  });
  const res = await importRoute(req, { params: Promise.resolve({}) });
  return { status: res.status, body: await res.json() };
}

describe("FX rates", () => {
  it("platform admins enter rates; the latest on or before a date is in force; others may read but not write", async () => {
    expect((await put(admin, { date: "2026-01-01", base: "USD", rates: { CNY: "7.1", JPY: "150", KRW: "1400" } })).status).toBe(200);
    expect((await put(admin, { date: "2026-02-01", base: "USD", rates: { CNY: "7.2" } })).status).toBe(200);
    // Same pair and date again replaces the rate.
    expect((await put(admin, { date: "2026-02-01", base: "USD", rates: { CNY: "7.25" } })).status).toBe(200);
    expectProblem(await put(studio.headers, { date: "2026-02-01", base: "USD", rates: { CNY: "9" } }), 403);

    const jan = await callRoute(getRates, "/api/v1/fx-rates", { headers: studio.headers, query: { date: "2026-01-31" } });
    expect(jan.status).toBe(200);
    expect(jan.body.rates).toEqual([
      { date: "2026-01-01", base: "USD", quote: "CNY", rate: "7.1" },
      { date: "2026-01-01", base: "USD", quote: "JPY", rate: "150" },
      { date: "2026-01-01", base: "USD", quote: "KRW", rate: "1400" },
    ]);
    const feb = await callRoute(getRates, "/api/v1/fx-rates", { headers: studio.headers, query: { date: "2026-02-15" } });
    expect(feb.body.rates.find((r: { quote: string }) => r.quote === "CNY")).toEqual({
      date: "2026-02-01",
      base: "USD",
      quote: "CNY",
      rate: "7.25",
    });
    const before = await callRoute(getRates, "/api/v1/fx-rates", { headers: studio.headers, query: { date: "2025-12-31" } });
    expect(before.body.rates).toEqual([]);
    expect(await db.auditEntry.count({ where: { action: "fx.rates.put" } })).toBe(3);
  });

  it("refuses bad rates naming the field; nothing is saved", async () => {
    const malformed = await put(admin, { date: "2026-01-01", base: "USD", rates: { CNY: "7.1", EUR: "0", JPY: "1.2345678901234" } });
    expect(errorPaths(expectProblem(malformed, 422))).toEqual(["rates.EUR", "rates.JPY"]);
    const unknown = await put(admin, { date: "2026-01-01", base: "USD", rates: { CNY: "7.1", USD: "1", XAU: "0.0005", usd: "1" } });
    expect(errorPaths(expectProblem(unknown, 422))).toEqual(["rates.USD", "rates.XAU", "rates.usd"]);
    expect(errorPaths(expectProblem(await put(admin, { date: "2026-02-30", base: "USD", rates: { CNY: "7" } }), 422))).toEqual(["date"]);
    expect(await db.fxRate.count()).toBe(0);
  });

  it("rateOn: direct pair, else the inverse, else the cross through USD; same currency is 1; convertMinor rounds half-even once", async () => {
    await put(admin, { date: "2026-01-01", base: "USD", rates: { CNY: "7.2", JPY: "150", THB: "36" } });
    await put(admin, { date: "2026-03-01", base: "USD", rates: { CNY: "7.0" } });
    await put(admin, { date: "2026-01-01", base: "EUR", rates: { USD: "1.1" } });
    expect(await rateOn(db, { date: "2026-02-01", from: "USD", to: "CNY" })).toMatchObject({
      rate: "7.2",
      date: "2026-01-01",
      via: "DIRECT",
    });
    expect(await rateOn(db, { date: "2026-03-01", from: "USD", to: "CNY" })).toMatchObject({ rate: "7", date: "2026-03-01" });
    expect(await rateOn(db, { date: "2026-02-01", from: "JPY", to: "USD" })).toMatchObject({
      rate: "0.006666666666666667",
      via: "INVERSE",
    });
    // CNY → JPY: 1/7.2 × 150 = 20.8333…
    expect(await rateOn(db, { date: "2026-02-01", from: "CNY", to: "JPY" })).toMatchObject({
      rate: "20.833333333333333333",
      via: "CROSS_USD",
    });
    // EUR → THB through USD: 1.1 × 36; the older of the two dates.
    expect(await rateOn(db, { date: "2026-03-05", from: "EUR", to: "THB" })).toMatchObject({
      rate: "39.6",
      date: "2026-01-01",
      via: "CROSS_USD",
    });
    expect(await rateOn(db, { date: "2026-02-01", from: "KRW", to: "KRW" })).toMatchObject({ rate: "1", via: "SAME" });
    expect(await rateOn(db, { date: "2026-02-01", from: "KRW", to: "USD" })).toBeNull();
    expect(await rateOn(db, { date: "2025-12-31", from: "USD", to: "CNY" })).toBeNull();
    // 100.00 USD → 15,000 JPY; 1 JPY → 0.0066… USD → 1 cent (half-even of 0.67).
    expect(await convertMinor(db, { amountMinor: 10000n, from: "USD", to: "JPY", date: "2026-02-01" })).toMatchObject({
      amountMinor: 15000n,
    });
    expect(await convertMinor(db, { amountMinor: 1n, from: "JPY", to: "USD", date: "2026-02-01" })).toMatchObject({ amountMinor: 1n });
    expect(await convertMinor(db, { amountMinor: 1n, from: "KRW", to: "USD", date: "2026-02-01" })).toBeNull();
  });

  it("imports a CSV all-or-nothing with errors per row and column; dry run writes nothing", async () => {
    const bad = await importCsv(
      admin,
      "date,base,quote,rate\n2026-01-01,USD,CNY,7.1\n2026-13-01,USD,JPY,150\n2026-01-01,USD,USD,1\n2026-01-01,USD,CNY,7.2\n",
    );
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(["rows.3.date", "rows.4.quote", "rows.5.date"]);
    expect(await db.fxRate.count()).toBe(0);
    const csv = "Date,Base,Quote,Rate\n2026-01-01,USD,CNY,7.1\n2026-01-01,usd,krw,1400\n";
    const dry = await importCsv(admin, csv, true);
    expect(dry).toMatchObject({ status: 200, body: { rows: 2, dryRun: true } });
    expect(await db.fxRate.count()).toBe(0);
    const saved = await importCsv(admin, csv);
    expect(saved).toMatchObject({ status: 201, body: { rows: 2, dryRun: false } });
    expect(await db.fxRate.count()).toBe(2);
    expect((await importCsv(studio.headers, csv)).status).toBe(403);
  });
});
