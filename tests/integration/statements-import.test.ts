import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { resetDb } from "../support/db";
import { statementsApi as api, importStatementFile, rowCounts, signedWorld, usd, type World } from "./statements-fixtures";

let w: World;

beforeEach(async () => {
  await resetDb();
  w = await signedWorld();
});

const csvFile = (content: string) => ({ name: "q1.csv", type: "text/csv", content });
const period = { periodStart: "2027-01-01", periodEnd: "2027-03-31" };

describe("statement upload", () => {
  it("refuses a file with bad rows, naming each row and column, and writes nothing", async () => {
    const before = await rowCounts();
    const csv = [
      "titleId,territory,mediaRight,revenueType,gross",
      `${w.titleId},TH,SVOD,STREAMING,1500.00`,
      `${w.titleId},JP,SVOD,STREAMING,10.00`,
      `${w.titleId},TH,SVOD,PIRACY,10.00`,
      `Unknown Film,TH,SVOD,STREAMING,10.00`,
      `${w.titleId},VN,TVOD,LICENSE_FEE,10.005`,
    ].join("\n");
    const shape = await importStatementFile(w.partner.headers, w.dealId, csvFile(csv), period);
    expect(shape.status, shape.text).toBe(422);
    // One pass: the rights of well-formed rows are checked beside the rows' own mistakes.
    expect(shape.body.errors.map((e: { path: string }) => e.path)).toEqual([
      "rows.3.territory",
      "rows.4.revenueType",
      "rows.5.titleId",
      "rows.6.gross",
    ]);
    expect(shape.body.errors[2].message).toContain("Unknown Film");

    const rules = await importStatementFile(
      w.partner.headers,
      w.dealId,
      csvFile(
        [
          "titleId,territory,mediaRight,revenueType,gross",
          `${w.titleId},TH,SVOD,STREAMING,1500.00`,
          `${w.titleId},JP,SVOD,STREAMING,10.00`,
          `${w.titleId},VN,TVOD,LICENSE_FEE,10.005`,
        ].join("\n"),
      ),
      period,
    );
    expect(rules.status, rules.text).toBe(422);
    expect(rules.body.errors.map((e: { path: string }) => e.path)).toEqual(["rows.3.territory", "rows.4.gross"]);
    const granted = await importStatementFile(
      w.partner.headers,
      w.dealId,
      csvFile(
        [
          "titleId,territory,mediaRight,revenueType,gross",
          `${w.titleId},TH,SVOD,STREAMING,1500.00`,
          `${w.titleId},JP,SVOD,STREAMING,10.00`,
        ].join("\n"),
      ),
      period,
    );
    expect(granted.body.errors.map((e: { path: string }) => e.path)).toEqual(["rows.3.territory"]);
    const header = await importStatementFile(w.partner.headers, w.dealId, csvFile("titleId,country,gross\n1,2,3\n"), period);
    expect(header.status).toBe(422);
    expect(await rowCounts()).toEqual(before);
  });

  it("a dry run checks everything and writes nothing; the real upload saves the statement with its expenses row, titles by name", async () => {
    const csv = [
      "Title ID;Territory;Media Right;Revenue Type;Gross",
      `玉山;th;svod;streaming;"1,500.00"`,
      `${w.titleId};VN;TVOD;LICENSE_FEE;500`,
      `;;;EXPENSES;150.00`,
    ].join("\r\n");
    const dry = await importStatementFile(w.partner.headers, w.dealId, csvFile(csv), { ...period, dryRun: "true" });
    expect(dry.status, dry.text).toBe(200);
    expect(dry.body.imported).toMatchObject({
      dryRun: true,
      statementId: null,
      lineCount: 2,
      gross: usd("2000.00"),
      expenses: usd("150.00"),
    });
    expect(await db.statement.count()).toBe(0);
    const saved = await importStatementFile(w.partner.headers, w.dealId, csvFile(csv), period);
    expect(saved.status, saved.text).toBe(201);
    expect(saved.body.statement).toMatchObject({ source: "UPLOAD", lineCount: 2, expenses: usd("150.00") });
    expect(saved.body.statement.waterfall.cumulative.licensorShare).toEqual(usd("750.00"));
    // The same period again overlaps: refused on the period, nothing written.
    const again = await importStatementFile(w.partner.headers, w.dealId, csvFile(csv), period);
    expect(again.status).toBe(422);
    expect(again.body.errors.map((e: { path: string }) => e.path)).toEqual(["periodStart"]);
    expect(await db.statement.count()).toBe(1);
  });

  it("reads XLSX, refuses the licensor and outsiders, and serves a template", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Statement");
    sheet.addRow(["titleId", "territory", "mediaRight", "revenueType", "gross", "currency"]);
    sheet.addRow([w.titleId, "TH", "SVOD", "STREAMING", "2500.00", "USD"]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const file = { name: "q1.xlsx", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", content: bytes };
    expect((await importStatementFile(w.studio.headers, w.dealId, file, period)).status).toBe(403);
    expect((await importStatementFile(w.outsider.headers, w.dealId, file, period)).status).toBe(404);
    const missingPeriod = await importStatementFile(w.partner.headers, w.dealId, file, {});
    expect(missingPeriod.status).toBe(422);
    expect(missingPeriod.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["periodEnd", "periodStart"]);
    const saved = await importStatementFile(w.partner.headers, w.dealId, file, period);
    expect(saved.status, saved.text).toBe(201);
    expect(saved.body.statement.gross).toEqual(usd("2500.00"));

    const template = await api.template(w.partner.headers, w.dealId);
    expect(template.status).toBe(200);
    const lines = template.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("titleId,eidr,titleRef,territory,mediaRight,revenueType,gross,currency");
    expect(lines[1]).toMatch(new RegExp(`^${w.titleId},,玉山,(TH|VN),(SVOD|TVOD),STREAMING,0.00,USD$`));
    expect((await api.template(w.outsider.headers, w.dealId)).status).toBe(404);
  });
});
