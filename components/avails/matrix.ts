import { toCsv } from "@/lib/files/csv";
/**
 * The avails answer in a compact, serialisable form for the heat-map: one status character per
 * country × leaf media cell and title ("A" available, "B" blocked, "N" not held), blockers only
 * where the viewer may see them. Pure functions, shared by the page (server) and the view (client).
 */

export type AvailStatus = "AVAILABLE" | "BLOCKED" | "NOT_HELD";
export type StatusChar = "A" | "B" | "N";
export const CHAR: Record<AvailStatus, StatusChar> = { AVAILABLE: "A", BLOCKED: "B", NOT_HELD: "N" };
export const STATUS_OF: Record<StatusChar, AvailStatus> = { A: "AVAILABLE", B: "BLOCKED", N: "NOT_HELD" };

export type Blocker = { dealId: string; grantId: string; start: string; end: string; exclusive: boolean; holdback: boolean };
export type AvailItem = { titleId: string; territory: string; mediaRight: string; status: AvailStatus; blockers?: Blocker[] };

export type MatrixTitle = { id: string; name: string; original: string; studio: string };
export type MatrixRow = { code: string; name: string; group: string };
export type MatrixGroup = { key: string; name: string };
export type MatrixMediaParent = { code: string; name: string; leaves: { code: string; name: string }[] };

export type AvailsMatrix = {
  titles: MatrixTitle[];
  rows: MatrixRow[];
  groups: MatrixGroup[];
  media: MatrixMediaParent[];
  /** Per title: rows.length × leaves status characters, row-major (cell = row * leaves + column). */
  statuses: string[];
  /** `${titleIndex}:${cell}` → the signed grants and holdbacks that block it (licensor only). */
  blockers: Record<string, Blocker[]>;
  /** Names of the blocking deals the viewer is party to. */
  deals: Record<string, string>;
};

export const leavesOf = (media: MatrixMediaParent[]) => media.flatMap((p) => p.leaves);

/** Lays the items out on the rows × leaves grid of each title (cells not answered stay "N"). */
export function layoutStatuses(
  items: AvailItem[],
  titleIds: string[],
  rowCodes: string[],
  leafCodes: string[],
): { statuses: string[]; blockers: Record<string, Blocker[]> } {
  const titleIndex = new Map(titleIds.map((id, i) => [id, i]));
  const rowIndex = new Map(rowCodes.map((c, i) => [c, i]));
  const colIndex = new Map(leafCodes.map((c, i) => [c, i]));
  const width = leafCodes.length;
  const grids = titleIds.map(() => new Array<StatusChar>(rowCodes.length * width).fill("N"));
  const blockers: Record<string, Blocker[]> = {};
  for (const item of items) {
    const t = titleIndex.get(item.titleId);
    const r = rowIndex.get(item.territory);
    const c = colIndex.get(item.mediaRight);
    if (t === undefined || r === undefined || c === undefined) continue;
    const cell = r * width + c;
    grids[t]![cell] = CHAR[item.status];
    if (item.blockers && item.blockers.length > 0) blockers[`${t}:${cell}`] = item.blockers;
  }
  return { statuses: grids.map((g) => g.join("")), blockers };
}

export type CellCounts = { A: number; B: number; N: number };

/** Per cell, how many titles are available, blocked, not held. */
export function countCells(statuses: string[], cells: number): CellCounts[] {
  const out: CellCounts[] = Array.from({ length: cells }, () => ({ A: 0, B: 0, N: 0 }));
  for (const s of statuses) {
    for (let i = 0; i < cells; i++) out[i]![s[i] as StatusChar]++;
  }
  return out;
}

/** What a cell shows: one title's status, or for several titles "available for all / some / none". */
export type CellClass = "AVAILABLE" | "PARTIAL" | "BLOCKED" | "NOT_HELD";

export function classify(c: CellCounts): CellClass {
  const total = c.A + c.B + c.N;
  if (total > 0 && c.A === total) return "AVAILABLE";
  if (c.A > 0) return "PARTIAL";
  return c.B > 0 ? "BLOCKED" : "NOT_HELD";
}

/** Every title × country × media answer as CSV (what the matrix and the list show). */
export function availsCsv(m: AvailsMatrix, headers: string[], statusLabel: (s: AvailStatus) => string): string {
  const leaves = leavesOf(m.media);
  const lines: string[][] = [];
  m.titles.forEach((title, t) => {
    const s = m.statuses[t] ?? "";
    m.rows.forEach((row, r) => {
      leaves.forEach((leaf, c) => {
        const cell = r * leaves.length + c;
        const status = STATUS_OF[(s[cell] as StatusChar) ?? "N"];
        const blocking = (m.blockers[`${t}:${cell}`] ?? [])
          .map((b) => `${m.deals[b.dealId] ?? b.dealId} (${b.start}..${b.end}${b.holdback ? ", holdback" : ""})`)
          .join("; ");
        lines.push([title.id, title.name, row.code, row.name, leaf.code, leaf.name, status, statusLabel(status), blocking]);
      });
    });
  });
  return toCsv(headers, lines);
}

/**
 * What the avails page sends: the grid (one class character per cell) and the names the view
 * shows. Per-title statuses and blockers stay on the server: the cell detail, the list and the
 * CSV fetch them from /api/v1/avails when asked (a whole-catalogue matrix was most of a 1 MB page).
 */
export type AvailsGrid = Omit<AvailsMatrix, "statuses" | "blockers"> & {
  /** rows.length × leaves class characters, row-major: A all available, P some, B blocked, N not held. */
  classes: string;
};

export const CLASS_CHAR: Record<CellClass, string> = { AVAILABLE: "A", PARTIAL: "P", BLOCKED: "B", NOT_HELD: "N" };
const CLASS_OF: Record<string, CellClass> = { A: "AVAILABLE", P: "PARTIAL", B: "BLOCKED", N: "NOT_HELD" };

/** The grid of a matrix: each cell's class over all titles. */
export function gridOf(m: AvailsMatrix): AvailsGrid {
  const { statuses, blockers: _blockers, ...names } = m;
  const cells = m.rows.length * leavesOf(m.media).length;
  const classes = countCells(statuses, cells)
    .map((c) => CLASS_CHAR[classify(c)])
    .join("");
  return { ...names, classes };
}

export const gridClasses = (g: AvailsGrid): CellClass[] => Array.from(g.classes, (c) => CLASS_OF[c] ?? "NOT_HELD");

/** The full matrix again, from the grid's names and the API's answer (the same items the page had). */
export function matrixOf(g: AvailsGrid, items: AvailItem[]): AvailsMatrix {
  const { classes: _classes, ...names } = g;
  const { statuses, blockers } = layoutStatuses(
    items,
    g.titles.map((t) => t.id),
    g.rows.map((r) => r.code),
    leavesOf(g.media).map((l) => l.code),
  );
  return { ...names, statuses, blockers };
}
