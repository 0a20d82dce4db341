/**
 * The worker thread that parses uploaded spreadsheets (started by lib/files/table-file.ts, one
 * per upload): the CSV decode and parse, or the bounded inflate and the exceljs parse of a
 * workbook, happen here, off the server's event loop. Rows go back in batches, so receiving them
 * never holds the main thread for long either.
 */
import { parentPort, workerData } from "node:worker_threads";
import { type NamedTable, type ParseLimits, type ParseRefusal, readCsvBytes, readXlsxBytes } from "./table-parse";

export type WorkerInput = { format: "csv" | "xlsx"; bytes: Uint8Array; delimiter?: string; limits: ParseLimits };
export type WorkerMessage =
  | { type: "sheet"; name: string }
  | { type: "rows"; rows: NamedTable["table"] }
  | { type: "done" }
  | { type: "refused"; refused: ParseRefusal["refused"]; message: string };

const BATCH = 2_000;

async function main(input: WorkerInput): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const send = (message: WorkerMessage) => port.postMessage(message);
  const result =
    input.format === "csv"
      ? (() => {
          const table = readCsvBytes(input.bytes, input.delimiter, input.limits);
          return Array.isArray(table) ? [{ name: "", table }] : table;
        })()
      : await readXlsxBytes(input.bytes, input.limits);
  if (!Array.isArray(result)) return send({ type: "refused", refused: result.refused, message: result.message });
  for (const { name, table } of result) {
    send({ type: "sheet", name });
    for (let i = 0; i < table.length; i += BATCH) send({ type: "rows", rows: table.slice(i, i + BATCH) });
  }
  send({ type: "done" });
}

void main(workerData as WorkerInput);
