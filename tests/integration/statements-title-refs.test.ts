/**
 * Partners' accounting systems do not know our ids: a statement line names its title by titleId,
 * eidr or titleRef (its name as on the deal's grants, exact, any language), through the API and
 * in uploaded files; and one answer lists every problem of every line (amount, country and media
 * of the same line together).
 */
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { errorPaths, expectProblem } from "../support/api";
import { resetDb } from "../support/db";
import { statementsApi as api, importStatementFile, rowCounts, signedWorld, usd, type World } from "./statements-fixtures";

let w: World;
const EIDR = "10.5240/1489-49A2-3956-4B2D-FE16-5";

beforeEach(async () => {
  await resetDb();
  w = await signedWorld();
  await db.title.update({ where: { id: w.titleId }, data: { eidr: EIDR, titleEn: "Jade Mountain", titleZh: "玉山" } });
});

const period = { periodStart: "2027-01-01", periodEnd: "2027-03-31" };
const csvFile = (content: string) => ({ name: "q1.csv", type: "text/csv", content });
const base = { territory: "TH", mediaRight: "SVOD", revenueType: "STREAMING" };

describe("naming a line's title", () => {
  it("by eidr or by any of its names on the grants, through the API; the lines store the title's id", async () => {
    const res = await api.submit(w.partner.headers, w.dealId, {
      ...period,
      lines: [
        { ...base, eidr: EIDR.toLowerCase(), gross: usd("100.00") },
        { ...base, titleRef: "Jade Mountain", gross: usd("20.00") },
        { ...base, titleRef: "玉山", territory: "VN", gross: usd("3.00") },
        { ...base, titleId: w.titleId, eidr: EIDR, titleRef: "Jade Mountain", gross: usd("0.50") },
      ],
    });
    expect(res.status, res.text).toBe(201);
    const lines = await db.statementLine.findMany({ where: { statementId: res.body.id }, orderBy: { position: "asc" } });
    expect(lines.map((l) => l.titleId)).toEqual([w.titleId, w.titleId, w.titleId, w.titleId]);
  });

  it("refuses names that match no title, match another, or are missing, each on its line and field", async () => {
    const before = await rowCounts();
    const res = await api.submit(w.partner.headers, w.dealId, {
      ...period,
      lines: [
        { ...base, titleRef: "jade mountain", gross: usd("1.00") },
        { ...base, eidr: "10.5240/0000-0000-0000-0000-0000-X", gross: usd("1.00") },
        { ...base, titleId: w.otherTitleId, titleRef: "Jade Mountain", gross: usd("1.00") },
        { ...base, titleRef: "Other Film", gross: usd("1.00") },
      ],
    });
    const problem = expectProblem(res, 422);
    expect(errorPaths(problem)).toEqual(["lines.0.titleRef", "lines.1.eidr", "lines.2.titleRef", "lines.3.titleRef"]);
    expect(problem.errors![0]!.message).toContain("exactly");
    expect(await rowCounts()).toEqual(before);

    const none = await api.submit(w.partner.headers, w.dealId, { ...period, lines: [{ ...base, gross: usd("1.00") }] });
    expect(errorPaths(expectProblem(none, 422))).toEqual(["lines.0.titleId"]);
  });

  it("two titles on the deal with the same name: titleRef is ambiguous and says so", async () => {
    await db.title.update({ where: { id: w.otherTitleId }, data: { titleEn: "Jade Mountain" } });
    await db.grant.create({
      data: {
        dealId: w.dealId,
        titleId: w.otherTitleId,
        territories: ["JP"],
        excludedTerritories: [],
        mediaRights: ["SVOD"],
        languages: [],
        start: new Date("2027-01-01"),
        end: new Date("2027-12-31"),
        exclusive: true,
      },
    });
    const res = await api.submit(w.partner.headers, w.dealId, {
      ...period,
      lines: [{ ...base, titleRef: "Jade Mountain", gross: usd("1.00") }],
    });
    const problem = expectProblem(res, 422);
    expect(errorPaths(problem)).toEqual(["lines.0.titleRef"]);
    expect(problem.errors![0]!.message).toContain("Several titles");
  });
});

describe("every problem in one pass", () => {
  it("the API reports a line's currency, country and media together, beside other lines' problems", async () => {
    const res = await api.submit(w.partner.headers, w.dealId, {
      ...period,
      lines: [
        { ...base, titleId: w.titleId, territory: "SG", mediaRight: "AVOD", gross: { amount: "10.00", currency: "EUR" } },
        { ...base, titleId: w.titleId, gross: usd("10.001") },
        { ...base, titleId: w.titleId, gross: usd("10.00") },
        { ...base, titleRef: "Nope", territory: "JP", gross: usd("10.00") },
      ],
    });
    expect(errorPaths(expectProblem(res, 422))).toEqual([
      "lines.0.gross.currency",
      "lines.0.mediaRight",
      "lines.0.territory",
      "lines.1.gross.amount",
      "lines.3.titleRef",
    ]);
  });

  it("an upload reports each row's amount, country and media at once, and names titles by eidr or titleRef", async () => {
    const before = await rowCounts();
    const csv = [
      "eidr,titleRef,territory,mediaRight,revenueType,gross",
      `${EIDR},,TH,SVOD,STREAMING,1500.00`,
      `,Jade Mountain,SG,AVOD,STREAMING,12.345`,
      `,玉山,TH,SVOD,PIRACY,oops`,
      `,Unknown Film,TH,SVOD,STREAMING,10.00`,
    ].join("\n");
    const bad = await importStatementFile(w.partner.headers, w.dealId, csvFile(csv), period);
    expect(bad.status, bad.text).toBe(422);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual([
      "rows.3.gross",
      "rows.3.territory",
      "rows.3.mediaRight",
      "rows.4.revenueType",
      "rows.4.gross",
      "rows.5.titleRef",
    ]);
    expect(await rowCounts()).toEqual(before);

    const good = await importStatementFile(
      w.partner.headers,
      w.dealId,
      csvFile(
        [
          "eidr,titleRef,territory,mediaRight,revenueType,gross",
          `${EIDR},,TH,SVOD,STREAMING,1500.00`,
          `,Jade Mountain,VN,TVOD,STREAMING,12.34`,
        ].join("\n"),
      ),
      period,
    );
    expect(good.status, good.text).toBe(201);
    expect(good.body.statement.gross).toEqual(usd("1512.34"));
  });

  it("the template lists the deal's titles with id, EIDR and name", async () => {
    const template = await api.template(w.partner.headers, w.dealId);
    expect(template.status).toBe(200);
    const [header, first] = template.text.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toBe("titleId,eidr,titleRef,territory,mediaRight,revenueType,gross,currency");
    expect(first?.startsWith(`${w.titleId},${EIDR},玉山,`)).toBe(true);
  });
});
