/** Plain-text tables for bench output: readable in a terminal and pasteable into a report. */

export type Align = "left" | "right";
export type Column = { header: string; align?: Align };

/** Renders rows under headers; numbers should already be formatted as strings. A row of null draws a rule. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[] | null)[]): string {
  const widths = columns.map((c, i) => Math.max(c.header.length, ...rows.map((r) => (r ? (r[i] ?? "").length : 0))));
  const cell = (text: string, i: number) => {
    const width = widths[i] ?? 0;
    return columns[i]?.align === "right" ? text.padStart(width) : text.padEnd(width);
  };
  const line = (cells: readonly string[]) =>
    columns
      .map((_, i) => cell(cells[i] ?? "", i))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(columns.map((c) => c.header)), rule, ...rows.map((r) => (r ? line(r) : rule))].join("\n");
}

export function printTable(columns: readonly Column[], rows: readonly (readonly string[] | null)[]): void {
  console.log(renderTable(columns, rows));
}

/** 20000 → "20,000". */
export function formatCount(n: number): string {
  return n.toLocaleString("en-US");
}
