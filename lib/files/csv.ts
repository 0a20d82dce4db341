/**
 * Writing CSV, for every export (outcomes, portfolio, avails, creator statements, templates):
 * RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM (so spreadsheet programs read Chinese names
 * right), and text that a spreadsheet would run as a formula (= + - @ tab CR at the start)
 * prefixed with an apostrophe. Browser-safe (the portfolio tables build their CSV in the page).
 */

export type CsvCell = string | number | null | undefined;

function cellText(cell: CsvCell, numeric: boolean): string {
  if (cell === null || cell === undefined) return "";
  let text = String(cell);
  // A numeric column's value is written as it is only when it is a number ("-12.50"); anything
  // else in it is guarded like text.
  if (/^[=+\-@\t\r]/.test(text) && !(numeric && /^-?\d+(\.\d+)?$/.test(text))) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The file: a header row and the rows. `numericColumns` are written as they are (amounts may start with "-"). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], numericColumns: readonly number[] = []): string {
  const numeric = new Set(numericColumns);
  const lines = [header, ...rows].map((r, lineIndex) => r.map((c, i) => cellText(c, lineIndex > 0 && numeric.has(i))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
