import "server-only";
import { recordAudit, who } from "@/lib/audit/commands";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { limitImports } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db/client";
import { readSheet } from "@/lib/files/table-file";
import { getCurrency } from "@/lib/reference/currencies";
import { type FieldError, fail, forbidden, ok, type Result } from "@/lib/result";
import { FX_IMPORT_COLUMNS, fxDateSchema, fxRateValueSchema, type PutFxRatesData } from "./schema";

/** Entering FX rates (platform admins: permission fx.manage). An existing rate for the same pair and date is replaced. */

export type FxRateInput = { date: string; base: string; quote: string; rate: string };

const mayManage = (actor: Actor) => can({ role: actor.role, orgKind: actor.org.kind }, "fx.manage");
const invalid = (errors: FieldError[], message = "Some rates need attention; none was saved.") =>
  fail("invalid", "VALIDATION_FAILED", message, { errors });

function checkCode(code: string, path: string, errors: FieldError[]) {
  const currency = getCurrency(code);
  if (!currency || currency.minorUnits === null)
    errors.push({ path, message: `“${code}” is not an ISO 4217 currency money can be held in.` });
}

async function upsertRates(actor: Actor, rows: FxRateInput[], action: string) {
  await db.$transaction(async (tx) => {
    for (const r of rows) {
      await tx.$executeRaw`
        INSERT INTO fx_rate (id, date, base, quote, rate, created_by_id, created_at, updated_at)
        VALUES (gen_random_uuid(), ${r.date}::date, ${r.base}, ${r.quote}, ${r.rate}::numeric, ${actor.userId}::uuid, now(), now())
        ON CONFLICT (base, quote, date) DO UPDATE SET rate = EXCLUDED.rate, updated_at = now()`;
    }
    await recordAudit(tx, who(actor), {
      action,
      entityType: "FxRate",
      entityId: rows[0] ? `${rows[0].date}:${rows[0].base}` : "none",
      partyOrgIds: [actor.org.id],
      after: { count: rows.length, rates: rows.slice(0, 200) },
    });
  });
}

/** PUT /fx-rates: the rates of one date against one base. */
export async function putFxRates(actor: Actor, data: PutFxRatesData): Promise<Result<{ saved: FxRateInput[] }>> {
  if (!mayManage(actor)) return forbidden("Only platform administrators enter FX rates.");
  const errors: FieldError[] = [];
  checkCode(data.base, "base", errors);
  const entries = Object.entries(data.rates);
  if (entries.length === 0) errors.push({ path: "rates", message: 'Give at least one rate, e.g. {"CNY": "7.1234"}.' });
  for (const [code, rate] of entries) {
    if (!/^[A-Z]{3}$/.test(code)) errors.push({ path: `rates.${code}`, message: "Use an ISO 4217 currency code as the key, e.g. CNY." });
    else if (code === data.base) errors.push({ path: `rates.${code}`, message: "A currency has no rate against itself." });
    else checkCode(code, `rates.${code}`, errors);
    if (!fxRateValueSchema.safeParse(rate).success)
      errors.push({ path: `rates.${code}`, message: "Use a rate more than zero with at most 12 decimals." });
  }
  if (errors.length) return invalid(errors);
  const rows = entries.map(([quote, rate]) => ({ date: data.date, base: data.base, quote, rate }));
  await upsertRates(actor, rows, "fx.rates.put");
  return ok({ saved: rows });
}

export type FxImportResult = { rows: number; dryRun: boolean; rates: FxRateInput[] };

export const MAX_FX_IMPORT_BYTES = 5 * 1024 * 1024;

/**
 * CSV/XLSX import of rates (columns date, base, quote, rate): every row checked, errors per row and
 * column (`rows.<row>.<column>`), all-or-nothing; `dryRun` checks without saving.
 */
export async function importFxRates(
  actor: Actor,
  upload: { bytes: Uint8Array; fileName: string; contentType?: string },
  options: { dryRun?: boolean } = {},
): Promise<Result<FxImportResult>> {
  if (!mayManage(actor)) return forbidden("Only platform administrators enter FX rates.");
  const limited = await limitImports(actor.org.id);
  if (limited) return limited;
  const sheet = await readSheet(upload, {
    columns: FX_IMPORT_COLUMNS,
    required: FX_IMPORT_COLUMNS,
    maxBytes: MAX_FX_IMPORT_BYTES,
    maxRows: 50_000,
    what: "rate",
  });
  if (!sheet.ok) return sheet;
  if (sheet.value.length === 0)
    return fail("invalid", "FILE_EMPTY", "The file has a header row but no rates.", {
      errors: [{ path: "file", message: "The file has no rates." }],
    });
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  const rates: FxRateInput[] = [];
  for (const { row, cells } of sheet.value) {
    const at = (column: string, message: string) => errors.push({ path: `rows.${row}.${column}`, message });
    const base = cells.base!.toUpperCase();
    const quote = cells.quote!.toUpperCase();
    if (!fxDateSchema.safeParse(cells.date).success) at("date", "Use a date as YYYY-MM-DD.");
    const codeErrors: FieldError[] = [];
    checkCode(base, "base", codeErrors);
    checkCode(quote, "quote", codeErrors);
    for (const e of codeErrors) at(e.path, e.message);
    if (base === quote && base !== "") at("quote", "A currency has no rate against itself.");
    if (!fxRateValueSchema.safeParse(cells.rate).success) at("rate", "Use a rate more than zero with at most 12 decimals, e.g. 7.1234.");
    const key = `${cells.date}|${base}|${quote}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) at("date", `Row ${earlier} already gives the ${base}→${quote} rate of ${cells.date}.`);
    else seen.set(key, row);
    rates.push({ date: cells.date!, base, quote, rate: cells.rate! });
  }
  if (errors.length) return invalid(errors, "Some rows need attention; no rate was saved.");
  if (!options.dryRun) await upsertRates(actor, rates, "fx.rates.import");
  return ok({ rows: rates.length, dryRun: Boolean(options.dryRun), rates });
}
