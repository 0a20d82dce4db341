import type { ErrorCode } from "@/lib/api/error-codes";
import "server-only";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { logger } from "@/lib/log/logger";
import { type Failure, type FieldError, fail, ok, type Result } from "@/lib/result";
import { OLE_MIME, sniffType, XLSX_MIME, ZIP_MIME } from "./sniff";
import { type NamedTable, type ParseLimits, type ParseRefusal, readCsvBytes, type Table } from "./table-parse";
import type { WorkerInput, WorkerMessage } from "./table-worker";

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

export const fileError = (reason: ErrorCode, message: string): Failure =>
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

export type { NamedTable, Table } from "./table-parse";
export { parseCsv } from "./table-parse";

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};

/**
 * The hard caps of every spreadsheet upload: the bytes a workbook may inflate to (counted as
 * produced, not as the archive declares), rows and cells across the sheets read, characters per
 * cell. Environment: UPLOAD_MAX_INFLATED_MB (default 50), UPLOAD_MAX_ROWS, UPLOAD_MAX_CELLS.
 */
export function uploadLimits(): ParseLimits {
  return {
    maxInflatedBytes: envNumber("UPLOAD_MAX_INFLATED_MB", 50) * 1024 * 1024,
    maxRows: envNumber("UPLOAD_MAX_ROWS", 250_000),
    maxCells: envNumber("UPLOAD_MAX_CELLS", 4_000_000),
    maxCellChars: 32_767,
  };
}

/** How long one parse may take before its worker is stopped, and how many run at once. */
const PARSE_TIMEOUT_MS = 30_000;
/** CSVs up to this size are parsed in place (well under 10 ms). */
const INLINE_CSV_BYTES = 128 * 1024;
const MAX_PARALLEL_PARSES = Math.max(1, envNumber("UPLOAD_PARSE_WORKERS", 2));
/** A parse worker's heap: a workbook that needs more is refused as too large (the server lives on). */
const WORKER_HEAP_MB = 768;

let running = 0;
const waiting: (() => void)[] = [];

/** At most MAX_PARALLEL_PARSES at once; a finished parse hands its slot straight to the next in line. */
async function withParseSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL_PARSES) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

/**
 * The worker: in the Next server (NEXT_RUNTIME is set, at build time), the bundled entry —
 * Turbopack follows `new Worker(new URL(…))` and builds table-worker.ts with its imports into a
 * chunk of its own; run from source (tests, tsx scripts), the TypeScript entry through tsx's
 * require hook. (Turbopack rewrites `import.meta.url` to the source path, so that cannot tell.)
 */
function startWorker(input: WorkerInput): Worker {
  const options = { workerData: input, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, stdout: false, stderr: false };
  if (!process.env.NEXT_RUNTIME) {
    const source = JSON.stringify(fileURLToPath(import.meta.url.replace(/table-file\.ts$/, "table-worker.ts")));
    return new Worker(`require("tsx/cjs/api").register(); require(${source});`, { ...options, eval: true });
  }
  return new Worker(new URL("./table-worker.ts", import.meta.url), options);
}

const fromRefusal = (reason: ParseRefusal["refused"], message: string) => fileError(reason, message);

/** Parses in a worker thread; the rows arrive in batches, the event loop stays free. */
function parseOffThread(input: WorkerInput): Promise<NamedTable[] | Failure> {
  return withParseSlot(
    () =>
      new Promise<NamedTable[] | Failure>((resolve) => {
        const sheets: NamedTable[] = [];
        let settled = false;
        const worker = startWorker(input);
        const finish = (value: NamedTable[] | Failure) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(value);
          void worker.terminate();
        };
        const timer = setTimeout(
          () => finish(fromRefusal("FILE_TOO_LARGE", "The file took too long to read: it holds too much data.")),
          PARSE_TIMEOUT_MS,
        );
        worker.on("message", (message: WorkerMessage) => {
          if (message.type === "sheet") sheets.push({ name: message.name, table: [] });
          else if (message.type === "rows") {
            const current = sheets[sheets.length - 1];
            if (current) for (const row of message.rows) current.table.push(row);
          } else if (message.type === "done") finish(sheets);
          else finish(fromRefusal(message.refused, message.message));
        });
        worker.on("error", (error: Error & { code?: string }) => {
          if (error.code === "ERR_WORKER_OUT_OF_MEMORY") finish(fromRefusal("FILE_TOO_LARGE", "The workbook holds too much data."));
          else {
            logger.error({ err: error }, "table-worker.failed");
            finish(fromRefusal("FILE_UNREADABLE", "The file could not be read (it may be damaged)."));
          }
        });
        worker.on("exit", () => finish(fromRefusal("FILE_UNREADABLE", "The file could not be read (it may be damaged).")));
      }),
  );
}

export type TableOptions = {
  /** Said after the refusal when a workbook passes a cap (what the import allows). */
  tooMuchData?: string;
  /** CSV: take the first of comma, semicolon and tab whose table this accepts (default: the most frequent on the first line). */
  acceptsCsv?: (table: Table) => boolean;
  /** XLSX: the sheets to read, chosen by name (default: the first sheet). */
  sheets?: (names: readonly string[]) => readonly string[];
};

async function readCsv(bytes: Uint8Array, accepts?: (table: Table) => boolean): Promise<Table | Failure> {
  const limits = uploadLimits();
  const parse = async (delimiter?: string): Promise<Table | Failure> => {
    // A small CSV parses in a few milliseconds: not worth a thread. A workbook always gets one
    // (a small archive can inflate to anything).
    if (bytes.byteLength <= INLINE_CSV_BYTES) {
      const table = readCsvBytes(bytes, delimiter, limits);
      return Array.isArray(table) ? table : fromRefusal(table.refused, table.message);
    }
    const sheets = await parseOffThread({ format: "csv", bytes, delimiter, limits });
    return Array.isArray(sheets) ? (sheets[0]?.table ?? []) : sheets;
  };
  if (!accepts) return parse();
  // The first delimiter whose table the reader accepts (comma, else semicolon, else tab).
  const comma = await parse(",");
  if (!Array.isArray(comma) || accepts(comma)) return comma;
  for (const delimiter of [";", "\t"]) {
    const other = await parse(delimiter);
    if (!Array.isArray(other) || accepts(other)) return other;
  }
  return comma;
}

async function readXlsx(bytes: Uint8Array, options: TableOptions = {}): Promise<NamedTable[] | Failure> {
  const all = await parseOffThread({ format: "xlsx", bytes, limits: uploadLimits() });
  if (!Array.isArray(all))
    return all.reason === "FILE_TOO_LARGE" && options.tooMuchData
      ? fileError("FILE_TOO_LARGE", `${all.message} ${options.tooMuchData}`)
      : all;
  const names = all.map((s) => s.name);
  const wanted = options.sheets ? options.sheets(names) : names.slice(0, 1);
  return wanted.flatMap((name) => all.filter((s) => s.name === name).slice(0, 1));
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
    const table = await readCsv(upload.bytes, options.acceptsCsv);
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
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const columns = header.cells.map((text) => {
    if (text === "") return undefined;
    const column = byKey.get(headerKey(text));
    if (!column)
      errors.push({
        path: `rows.${header.row}.${text}`,
        message: `Unknown column “${text}”. The columns are: ${spec.columns.join(", ")}.`,
        code: "COLUMN_UNKNOWN",
        params: { column: text, columns: spec.columns.join(", ") },
      });
    else if (seen.has(column))
      errors.push({
        path: `rows.${header.row}.${text}`,
        message: `The column “${column}” appears twice.`,
        code: "COLUMN_DUPLICATE",
        params: { column },
      });
    else seen.add(column);
    return column;
  });
  for (const column of spec.required)
    if (!seen.has(column))
      errors.push({
        path: `rows.${header.row}.${column}`,
        message: `The required column “${column}” is missing.`,
        code: "COLUMN_MISSING",
        params: { column },
      });
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
