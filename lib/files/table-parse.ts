/**
 * The parsing half of the table reader (lib/files/table-file.ts), run inside a worker thread
 * (table-worker.ts) so a large or hostile spreadsheet never blocks the server's event loop. No
 * `server-only` and only relative imports: the worker loads this file without the app's aliases.
 *
 * An XLSX is a ZIP whose declared sizes may lie: `inflatedSize` inflates every entry and stops
 * at a hard cap on the bytes actually produced, and counts the rows and cells of the worksheets
 * before the workbook parser (exceljs) ever sees the archive.
 */
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";

export type Table = { row: number; cells: string[] }[];
export type NamedTable = { name: string; table: Table };

export type ParseLimits = {
  /** Bytes the archive may inflate to, counted as inflated (not as declared). */
  maxInflatedBytes: number;
  /** Rows per upload (all sheets read together). */
  maxRows: number;
  /** Cells per upload (all sheets read together). */
  maxCells: number;
  /** Characters per cell (Excel's own limit is 32,767). */
  maxCellChars: number;
};

/** Why a file is refused: the reason becomes the problem's `type` (FILE_TOO_LARGE answers 413). */
export type ParseRefusal = { refused: "FILE_TOO_LARGE" | "FILE_UNREADABLE" | "TOO_MANY_ROWS" | "UNSUPPORTED_FILE_TYPE"; message: string };

export const refusal = (refused: ParseRefusal["refused"], message: string): ParseRefusal => ({ refused, message });

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

// ---- CSV -------------------------------------------------------------------------------------

export function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char in counts) counts[char]! += 1;
  }
  return Object.entries(counts).reduce((best, entry) => (entry[1] > best[1] ? entry : best), [",", 0] as [string, number])[0];
}

/**
 * RFC 4180 CSV with `delimiter` (Excel in many European locales writes semicolons) into trimmed
 * cells; exceljs' CSV reader is too slow for 100,000-line statements. With `limits`, stops with
 * a refusal once the rows, cells or a cell's length pass them.
 */
export function parseCsv(text: string, delimiter = ",", limits?: Omit<ParseLimits, "maxInflatedBytes">): Table {
  const table: Table = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let cells = 0;
  const endRow = () => {
    row.push(cell);
    const trimmed = row.map((c) => c.trim());
    if (trimmed.some((c) => c !== "")) {
      table.push({ row: rowLine, cells: trimmed });
      cells += trimmed.length;
      if (limits) checkLimits(table.length, cells, trimmed, limits);
    }
    row = [];
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else cell += ch; // a line break inside quotes stays in the cell: same spreadsheet row
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
  }
  if (cell !== "" || row.length > 0) endRow();
  return table;
}

/** Thrown inside the parsers when a limit is passed; turned into a refusal at the edge. */
class LimitPassed extends Error {
  constructor(readonly refusal: ParseRefusal) {
    super(refusal.message);
  }
}

function checkLimits(rows: number, cells: number, lastRow: readonly string[], limits: Omit<ParseLimits, "maxInflatedBytes">) {
  if (rows > limits.maxRows)
    throw new LimitPassed(refusal("TOO_MANY_ROWS", `The file has more than ${limits.maxRows.toLocaleString("en")} rows.`));
  if (cells > limits.maxCells)
    throw new LimitPassed(refusal("FILE_TOO_LARGE", `The file has more than ${limits.maxCells.toLocaleString("en")} cells.`));
  if (lastRow.some((c) => c.length > limits.maxCellChars))
    throw new LimitPassed(refusal("FILE_TOO_LARGE", `A cell holds more than ${limits.maxCellChars.toLocaleString("en")} characters.`));
}

/** A UTF-8 CSV into its table, or why not (not UTF-8, NUL characters, limits). */
export function readCsvBytes(bytes: Uint8Array, delimiter: string | undefined, limits: ParseLimits): Table | ParseRefusal {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return refusal("FILE_UNREADABLE", "The CSV file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (Comma delimited)”.");
  }
  if (text.includes("\u0000"))
    return refusal("UNSUPPORTED_FILE_TYPE", "This is not a text CSV file. Upload an .xlsx workbook or a UTF-8 .csv file.");
  try {
    return parseCsv(text, delimiter ?? detectDelimiter(text), limits);
  } catch (error) {
    if (error instanceof LimitPassed) return error.refusal;
    throw error;
  }
}

// ---- ZIP (XLSX) ------------------------------------------------------------------------------

const DAMAGED = "The .xlsx workbook could not be read (it may be damaged). Save it again from Excel.";

/** Occurrences of `<tag` followed by a space, `>` or `/` (so `<c` does not count `<col`). */
function countTags(xml: Buffer, tag: string): number {
  const needle = Buffer.from(`<${tag}`);
  let count = 0;
  for (let at = xml.indexOf(needle); at !== -1; at = xml.indexOf(needle, at + needle.length)) {
    const next = xml[at + needle.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d) count++;
  }
  return count;
}

/**
 * Walks the archive's central directory and inflates every entry, never producing more than
 * `maxInflatedBytes` in total whatever the entries declare; counts the worksheets' rows and
 * cells. Returns the bytes produced, or a refusal (damaged, too large, too many rows or cells).
 */
export function inspectXlsx(bytes: Uint8Array, limits: ParseLimits): { inflated: number } | ParseRefusal {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--) {
    if (view.getUint32(at, true) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return refusal("FILE_UNREADABLE", DAMAGED);
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  let inflated = 0;
  let rows = 0;
  let cells = 0;
  const tooLarge = () => refusal("FILE_TOO_LARGE", `The workbook inflates to more than ${mb(limits.maxInflatedBytes)} of data.`);
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return refusal("FILE_UNREADABLE", DAMAGED);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const local = view.getUint32(at + 42, true);
    const name = buffer.subarray(at + 46, at + 46 + nameLength).toString("utf8");
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return refusal("FILE_UNREADABLE", DAMAGED);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (compressedSize === 0xffffffff || start + compressedSize > bytes.length) return refusal("FILE_UNREADABLE", DAMAGED);
    const data = buffer.subarray(start, start + compressedSize);
    const room = limits.maxInflatedBytes - inflated;
    let content: Buffer;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        // maxOutputLength: zlib stops (RangeError) once it would produce more than the room left.
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, room + 1) });
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") return tooLarge();
        return refusal("FILE_UNREADABLE", DAMAGED);
      }
    } else return refusal("FILE_UNREADABLE", DAMAGED);
    inflated += content.length;
    if (inflated > limits.maxInflatedBytes) return tooLarge();
    if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) {
      rows += countTags(content, "row");
      cells += countTags(content, "c");
      if (rows > limits.maxRows) return refusal("TOO_MANY_ROWS", `The workbook has more than ${limits.maxRows.toLocaleString("en")} rows.`);
      if (cells > limits.maxCells)
        return refusal("FILE_TOO_LARGE", `The workbook has more than ${limits.maxCells.toLocaleString("en")} cells.`);
    }
  }
  return { inflated };
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  // exceljs reads date cells as UTC midnight: the calendar date is the ISO prefix.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
  if ("text" in value) return cellText(value.text as ExcelJS.CellValue);
  return "";
}

function tableOf(sheet: ExcelJS.Worksheet, limits: ParseLimits, counted: { rows: number; cells: number }): Table {
  const table: Table = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]).trim());
    if (cells.some((c) => c !== "")) {
      table.push({ row: number, cells });
      counted.rows += 1;
      counted.cells += cells.length;
      checkLimits(counted.rows, counted.cells, cells, limits);
    }
  });
  return table;
}

/** Every sheet of a workbook as tables, after `inspectXlsx` has bounded what it inflates to. */
export async function readXlsxBytes(bytes: Uint8Array, limits: ParseLimits): Promise<NamedTable[] | ParseRefusal> {
  const inspected = inspectXlsx(bytes, limits);
  if ("refused" in inspected) return inspected;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    return refusal("FILE_UNREADABLE", DAMAGED);
  }
  const counted = { rows: 0, cells: 0 };
  try {
    return workbook.worksheets.map((sheet) => ({ name: sheet.name, table: tableOf(sheet, limits, counted) }));
  } catch (error) {
    if (error instanceof LimitPassed) return error.refusal;
    throw error;
  }
}
