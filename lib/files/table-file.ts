import "server-only";
import ExcelJS from "exceljs";
import { type Failure, fail, ok, type Result } from "@/lib/result";
import { OLE_MIME, sniffType, XLSX_MIME, ZIP_MIME } from "./sniff";

/**
 * Reads a CSV (UTF-8, with or without BOM; comma, semicolon or tab separated) or an XLSX (its
 * first sheet, or the sheets asked for) into rows of trimmed text cells, for every import (titles,
 * statements, FX rates, EMA Avails). Blank rows are skipped but row numbers stay those the
 * spreadsheet shows, so errors can point at them. `readTable` gives the raw rows; `readSheet`
 * also maps the header row to known columns.
 */

export type SheetRow = { row: number; cells: Record<string, string> };

/** Raw (non-multipart) upload bodies a sheet import accepts, with the file name each is given. */
export const SHEET_UPLOAD_TYPES: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    ["text/csv", "application/csv", "text/plain", "application/octet-stream", XLSX_MIME].map((t) => [
      t,
      t === XLSX_MIME ? "upload.xlsx" : "upload.csv",
    ]),
  ),
);

const CSV_TYPES = new Set(["text/csv", "application/csv", "text/plain", "application/vnd.ms-excel"]);
/** An XLSX is a ZIP: refuse one that would inflate past this before the parser tries to. */
const MAX_XLSX_UNCOMPRESSED = 400 * 1024 * 1024;

export const fileError = (reason: string, message: string): Failure =>
  fail("invalid", reason, message, { errors: [{ path: "file", message }] });

/**
 * CSV or XLSX, from the bytes, the name and the declared type; without a name (an upload that has
 * none), from the bytes alone: a ZIP is read as a workbook, anything else as CSV.
 */
function detectFormat(bytes: Uint8Array, fileName: string | undefined, contentType?: string): "csv" | "xlsx" | Failure {
  const unsupported = (why: string) => fileError("UNSUPPORTED_FILE_TYPE", `${why} Upload an .xlsx workbook or a UTF-8 .csv file.`);
  const signature = sniffType(bytes);
  if (signature === OLE_MIME) return unsupported("Old Excel files (.xls) are not supported: in Excel, save it as .xlsx.");
  if (fileName === undefined) return signature === ZIP_MIME ? "xlsx" : "csv";
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  const mime = (contentType ?? "").split(";")[0]!.trim().toLowerCase();
  if (signature === ZIP_MIME) {
    if (ext === "xlsx" || (ext === "" && mime === XLSX_MIME)) return "xlsx";
    return unsupported(`“${fileName}” is a ZIP archive, not an .xlsx workbook.`);
  }
  if (ext === "xlsx") return fileError("FILE_UNREADABLE", `“${fileName}” is not a valid .xlsx workbook (it may be damaged).`);
  if (ext === "csv" || ext === "txt" || (ext === "" && (CSV_TYPES.has(mime) || mime === "application/octet-stream" || mime === "")))
    return "csv";
  return unsupported(`“${fileName}” is not a CSV or XLSX file.`);
}

function detectDelimiter(text: string): string {
  const counts: Record<string, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char in counts) counts[char]! += 1;
  }
  return Object.entries(counts).reduce((best, entry) => (entry[1] > best[1] ? entry : best), [",", 0] as [string, number])[0];
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

export type Table = { row: number; cells: string[] }[];

function tableOf(sheet: ExcelJS.Worksheet): Table {
  const table: Table = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells = Array.from({ length: Math.max(0, values.length - 1) }, (_, i) => cellText(values[i + 1]).trim());
    if (cells.some((c) => c !== "")) table.push({ row: number, cells });
  });
  return table;
}

/**
 * RFC 4180 CSV with `delimiter` (Excel in many European locales writes semicolons) into trimmed
 * cells; exceljs' CSV reader is too slow for 100,000-line statements.
 */
export function parseCsv(text: string, delimiter = ","): Table {
  const table: Table = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    row.push(cell);
    const cells = row.map((c) => c.trim());
    if (cells.some((c) => c !== "")) table.push({ row: rowLine, cells });
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

function readCsv(bytes: Uint8Array, accepts?: (table: Table) => boolean): Table | Failure {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fileError("FILE_UNREADABLE", "The CSV file is not UTF-8 text. In Excel, save it as “CSV UTF-8 (Comma delimited)”.");
  }
  if (text.includes("\u0000"))
    return fileError("UNSUPPORTED_FILE_TYPE", "This is not a text CSV file. Upload an .xlsx workbook or a UTF-8 .csv file.");
  if (!accepts) return parseCsv(text, detectDelimiter(text));
  // The first delimiter whose table the reader accepts (comma, else semicolon, else tab).
  const comma = parseCsv(text, ",");
  if (accepts(comma)) return comma;
  for (const delimiter of [";", "\t"]) {
    const other = parseCsv(text, delimiter);
    if (accepts(other)) return other;
  }
  return comma;
}

function zipUncompressedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let end = bytes.length - 22; end >= Math.max(0, bytes.length - 65_557); end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const entries = view.getUint16(end + 10, true);
    let at = view.getUint32(end + 16, true);
    let total = 0;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
      total += view.getUint32(at + 24, true);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return total;
  }
  return undefined;
}

export type TableOptions = {
  maxXlsxUncompressed?: number;
  tooMuchData?: string;
  /** CSV: take the first of comma, semicolon and tab whose table this accepts (default: the most frequent on the first line). */
  acceptsCsv?: (table: Table) => boolean;
  /** XLSX: the sheets to read, chosen by name (default: the first sheet). */
  sheets?: (names: readonly string[]) => readonly string[];
};

export type NamedTable = { name: string; table: Table };

async function readXlsx(bytes: Uint8Array, limits: TableOptions = {}): Promise<NamedTable[] | Failure> {
  const damaged = () => fileError("FILE_UNREADABLE", "The .xlsx workbook could not be read (it may be damaged). Save it again from Excel.");
  const inflated = zipUncompressedSize(bytes);
  if (inflated === undefined) return damaged();
  if (inflated > (limits.maxXlsxUncompressed ?? MAX_XLSX_UNCOMPRESSED))
    return fileError("FILE_TOO_LARGE", limits.tooMuchData ?? "The workbook holds too much data.");
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch {
    return damaged();
  }
  const names = workbook.worksheets.map((s) => s.name);
  const wanted = limits.sheets ? limits.sheets(names) : names.slice(0, 1);
  return wanted.flatMap((name) => {
    const sheet = workbook.worksheets.find((s) => s.name === name);
    return sheet ? [{ name, table: tableOf(sheet) }] : [];
  });
}

/**
 * The file's non-blank rows as trimmed text cells (the caller reads the header): `table` is the
 * first (or only) sheet, `sheets` every sheet read (a CSV is one sheet named ""). Detects the
 * format from the bytes, name and type; refuses non-UTF-8 CSV, old .xls, damaged or zip-bomb
 * workbooks.
 */
export async function readTable(
  upload: { bytes: Uint8Array; fileName?: string; contentType?: string },
  options: TableOptions = {},
): Promise<{ format: "csv" | "xlsx"; table: Table; sheets: NamedTable[] } | Failure> {
  const format = detectFormat(upload.bytes, upload.fileName, upload.contentType);
  if (typeof format !== "string") return format;
  if (format === "csv") {
    const table = readCsv(upload.bytes, options.acceptsCsv);
    return Array.isArray(table) ? { format, table, sheets: [{ name: "", table }] } : table;
  }
  const sheets = await readXlsx(upload.bytes, options);
  return Array.isArray(sheets) ? { format, table: sheets[0]?.table ?? [], sheets } : sheets;
}

export const headerKey = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, "");

/**
 * The file's rows keyed by the known `columns` (header matched case- and separator-blind);
 * unknown, repeated or missing `required` columns are errors on the header row.
 */
export async function readSheet(
  upload: { bytes: Uint8Array; fileName: string; contentType?: string },
  spec: { columns: readonly string[]; required: readonly string[]; maxBytes: number; maxRows: number; what: string },
): Promise<Result<SheetRow[]>> {
  const { bytes } = upload;
  if (bytes.byteLength > spec.maxBytes) return fileError("FILE_TOO_LARGE", `The file is larger than ${spec.maxBytes / 1024 / 1024} MB.`);
  if (bytes.byteLength === 0) return fileError("FILE_EMPTY", "The file is empty.");
  const read = await readTable(upload);
  if ("ok" in read) return read;
  const { table } = read;
  const [header, ...body] = table;
  if (!header) return fileError("FILE_EMPTY", `The file is empty: it needs a header row and one row per ${spec.what}.`);
  if (body.length > spec.maxRows)
    return fileError(
      "TOO_MANY_ROWS",
      `The file has ${body.length.toLocaleString("en")} rows; at most ${spec.maxRows.toLocaleString("en")} per file.`,
    );
  const byKey = new Map(spec.columns.map((c) => [headerKey(c), c]));
  const errors: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  const columns = header.cells.map((text) => {
    if (text === "") return undefined;
    const column = byKey.get(headerKey(text));
    if (!column)
      errors.push({
        path: `rows.${header.row}.${text}`,
        message: `Unknown column “${text}”. The columns are: ${spec.columns.join(", ")}.`,
      });
    else if (seen.has(column)) errors.push({ path: `rows.${header.row}.${text}`, message: `The column “${column}” appears twice.` });
    else seen.add(column);
    return column;
  });
  for (const column of spec.required)
    if (!seen.has(column)) errors.push({ path: `rows.${header.row}.${column}`, message: `The required column “${column}” is missing.` });
  if (errors.length > 0) return fail("invalid", "INVALID_HEADER", "The header row needs attention; no row was read.", { errors });
  return ok(
    body.map(({ row, cells }) => {
      const record: Record<string, string> = Object.fromEntries(spec.columns.map((c) => [c, ""]));
      columns.forEach((column, index) => {
        if (column) record[column] = cells[index] ?? "";
      });
      return { row, cells: record };
    }),
  );
}
