import { describe, expect, it } from "vitest";
import { type AvailsMatrix, availsCsv, classify, countCells, gridClasses, gridOf, layoutStatuses, matrixOf } from "./matrix";

const blocker = { dealId: "d1", grantId: "g1", start: "2026-01-01", end: "2028-12-31", exclusive: true, holdback: false };

describe("avails matrix", () => {
  it("lays items out row-major per title and keeps blockers by cell", () => {
    const { statuses, blockers } = layoutStatuses(
      [
        { titleId: "t1", territory: "TH", mediaRight: "SVOD", status: "BLOCKED", blockers: [blocker] },
        { titleId: "t1", territory: "TH", mediaRight: "AVOD", status: "AVAILABLE" },
        { titleId: "t1", territory: "VN", mediaRight: "SVOD", status: "AVAILABLE" },
        { titleId: "t2", territory: "VN", mediaRight: "AVOD", status: "AVAILABLE" },
        { titleId: "t9", territory: "VN", mediaRight: "AVOD", status: "AVAILABLE" },
      ],
      ["t1", "t2"],
      ["TH", "VN"],
      ["SVOD", "AVOD"],
    );
    expect(statuses).toEqual(["BAAN", "NNNA"]);
    expect(blockers).toEqual({ "0:0": [blocker] });
  });

  it("classifies cells across titles", () => {
    const counts = countCells(["AABN", "ABBN"], 4);
    expect(counts.map(classify)).toEqual(["AVAILABLE", "PARTIAL", "BLOCKED", "NOT_HELD"]);
  });

  it("exports every cell as CSV with quoted fields", () => {
    const m: AvailsMatrix = {
      titles: [{ id: "t1", name: "Fog, Harbour", original: "雾港迷踪", studio: "Jade" }],
      rows: [{ code: "TH", name: "Thailand", group: "035" }],
      groups: [{ key: "035", name: "South-eastern Asia" }],
      media: [{ code: "DIGITAL", name: "Digital", leaves: [{ code: "SVOD", name: "SVOD" }] }],
      statuses: ["B"],
      blockers: { "0:0": [blocker] },
      deals: { d1: 'Deal "One"' },
    };
    const csv = availsCsv(
      m,
      ["title_id", "title", "territory", "country", "media_right", "media", "status", "status_label", "blocking"],
      (s) => s,
    );
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.split("\r\n")[1]).toBe('t1,"Fog, Harbour",TH,Thailand,SVOD,SVOD,BLOCKED,BLOCKED,"Deal ""One"" (2026-01-01..2028-12-31)"');
  });
});

describe("avails grid", () => {
  const matrix: AvailsMatrix = {
    titles: [
      { id: "t1", name: "One", original: "One", studio: "S" },
      { id: "t2", name: "Two", original: "Two", studio: "S" },
    ],
    rows: [
      { code: "TH", name: "Thailand", group: "035" },
      { code: "VN", name: "Viet Nam", group: "035" },
    ],
    groups: [{ key: "035", name: "South-eastern Asia" }],
    media: [{ code: "SVOD", name: "SVOD", leaves: [{ code: "SVOD", name: "SVOD" }] }],
    statuses: ["BA", "AA"],
    blockers: { "0:0": [blocker] },
    deals: { d1: "Deal one" },
  };

  it("sends one class per cell instead of every title's statuses and blockers", () => {
    const grid = gridOf(matrix);
    expect(grid.classes).toBe("PA");
    expect(grid).not.toHaveProperty("statuses");
    expect(grid).not.toHaveProperty("blockers");
    expect(gridClasses(grid)).toEqual(["PARTIAL", "AVAILABLE"]);
  });

  it("rebuilds the same matrix from the grid and the API's items", () => {
    const items = [
      { titleId: "t1", territory: "TH", mediaRight: "SVOD", status: "BLOCKED" as const, blockers: [blocker] },
      { titleId: "t1", territory: "VN", mediaRight: "SVOD", status: "AVAILABLE" as const },
      { titleId: "t2", territory: "TH", mediaRight: "SVOD", status: "AVAILABLE" as const },
      { titleId: "t2", territory: "VN", mediaRight: "SVOD", status: "AVAILABLE" as const },
    ];
    expect(matrixOf(gridOf(matrix), items)).toEqual(matrix);
  });
});
