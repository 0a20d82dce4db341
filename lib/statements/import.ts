import "server-only";
import type { z } from "zod";
import type { ErrorCode, ErrorParams } from "@/lib/api/error-codes";
import { zodIssueCode } from "@/lib/api/problem";
import type { Actor } from "@/lib/auth/actor";
import { limitImports } from "@/lib/auth/rate-limit";
import { db } from "@/lib/db/client";
import { partyOf } from "@/lib/deals/queries";
import { toCsv } from "@/lib/files/csv";
import { readSheet, type SheetRow } from "@/lib/files/table-file";
import { money } from "@/lib/money/currency";
import { formatAmount } from "@/lib/money/money";
import { minorUnits } from "@/lib/reference/currencies";
import { type FieldError, fail, notFound, ok, type Result } from "@/lib/result";
import { submitOrCheck } from "./commands/statements";
import { type ImportStatementFields, MAX_STATEMENT_LINES, REVENUE_TYPES, statementLineSchema } from "./schema";

/**
 * Statement upload (CSV or XLSX): one row per revenue line with the API's line columns, the
 * distribution expenses as a field of the upload or as one row whose revenueType is EXPENSES.
 * Every row is checked (shape here, then every rule of submitStatement); errors name the
 * spreadsheet row and column (`rows.<row>.<column>`); all-or-nothing; `dryRun` writes nothing.
 */

export const STATEMENT_COLUMNS = ["titleId", "territory", "mediaRight", "revenueType", "gross", "currency"] as const;
export type StatementColumn = (typeof STATEMENT_COLUMNS)[number];
const REQUIRED = ["titleId", "territory", "mediaRight", "revenueType", "gross"] as const;
export const EXPENSES_ROW = "EXPENSES";
export const MAX_STATEMENT_IMPORT_BYTES = 32 * 1024 * 1024;

type StatementLine = z.output<typeof statementLineSchema>;

export type ImportRowError = FieldError & { row: number; column: string };
export type StatementImportResult = {
  dryRun: boolean;
  statementId: string | null;
  rows: number;
  lineCount: number;
  gross: { amount: string; currency: string };
  expenses: { amount: string; currency: string };
};

export type StatementUpload = { bytes: Uint8Array; fileName: string; contentType?: string };

const LINE_FIELD_COLUMN: Record<string, StatementColumn> = {
  titleId: "titleId",
  territory: "territory",
  mediaRight: "mediaRight",
  revenueType: "revenueType",
  gross: "gross",
  "gross.amount": "gross",
  "gross.currency": "currency",
};

const rowError = (row: number, column: string, message: string, code?: ErrorCode, params?: ErrorParams): ImportRowError => ({
  path: `rows.${row}.${column}`,
  row,
  column,
  message,
  ...(code ? { code, params: params ?? {} } : {}),
});

export async function importStatement(
  actor: Actor,
  dealId: string,
  upload: StatementUpload,
  fields: ImportStatementFields,
): Promise<Result<StatementImportResult>> {
  const deal = await db.deal.findFirst({ where: { AND: [{ id: dealId }, partyOf(actor)] }, select: { id: true, currency: true } });
  if (!deal) return notFound("Deal");
  const limited = await limitImports(actor.org.id);
  if (limited) return limited;
  const sheet = await readSheet(upload, {
    columns: STATEMENT_COLUMNS,
    required: REQUIRED,
    maxBytes: MAX_STATEMENT_IMPORT_BYTES,
    maxRows: MAX_STATEMENT_LINES + 1,
    what: "revenue line",
  });
  if (!sheet.ok) return sheet;
  // Titles may be named by id or by their exact original/English/Chinese title.
  const granted = await db.grant.findMany({
    where: { dealId: deal.id },
    select: { title: { select: { id: true, originalTitle: true, titleEn: true, titleZh: true } } },
    distinct: ["titleId"],
  });
  const titleByName = new Map<string, string>();
  for (const { title } of granted)
    for (const name of [title.originalTitle, title.titleEn, title.titleZh]) if (name) titleByName.set(name.trim().toLowerCase(), title.id);

  const errors: ImportRowError[] = [];
  const lines: { row: number; line: StatementLine }[] = [];
  let expenseRow: SheetRow | null = null;
  for (const r of sheet.value) {
    const c = r.cells as Record<StatementColumn, string>;
    const type = c.revenueType.toUpperCase().replace(/[\s-]+/g, "_");
    if (type === EXPENSES_ROW) {
      if (expenseRow)
        errors.push(
          rowError(r.row, "revenueType", `Row ${expenseRow.row} already gives the expenses; give them once.`, "EXPENSES_TWICE", {
            row: expenseRow.row,
          }),
        );
      else expenseRow = r;
      continue;
    }
    const titleId = /^[0-9a-f-]{36}$/i.test(c.titleId)
      ? c.titleId.toLowerCase()
      : (titleByName.get(c.titleId.trim().toLowerCase()) ?? c.titleId);
    const line = {
      titleId,
      territory: c.territory,
      mediaRight: c.mediaRight.toUpperCase(),
      revenueType: type,
      gross: { amount: c.gross.replace(/[\s,]/g, ""), currency: (c.currency || deal.currency).toUpperCase() },
    };
    const parsed = statementLineSchema.safeParse(line);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = LINE_FIELD_COLUMN[issue.path.map(String).join(".")] ?? String(issue.path[0] ?? "row");
        if (column === "titleId" && !/^[0-9a-f-]{36}$/i.test(c.titleId))
          errors.push(
            rowError(
              r.row,
              column,
              `No title granted by this deal is called “${c.titleId}”; use the title's id or exact name.`,
              "TITLE_NAME_UNKNOWN",
              { name: c.titleId },
            ),
          );
        else if (column === "revenueType")
          errors.push(
            rowError(
              r.row,
              column,
              `Use one of ${REVENUE_TYPES.join(", ")} (or ${EXPENSES_ROW} for the expenses row).`,
              "REVENUE_TYPE_UNKNOWN",
              { types: REVENUE_TYPES.join(", "), expensesRow: EXPENSES_ROW },
            ),
          );
        else {
          const { code, params } = zodIssueCode(issue);
          errors.push(rowError(r.row, column, issue.message, code, params));
        }
      }
    }
    if (parsed.success) lines.push({ row: r.row, line: parsed.data });
  }
  let expenses: { amount: string; currency: string } | undefined;
  if (expenseRow && fields.expenses !== undefined)
    errors.push(
      rowError(
        expenseRow.row,
        "revenueType",
        "The expenses are given both as a field and as a row; give them once.",
        "EXPENSES_FIELD_AND_ROW",
      ),
    );
  else if (expenseRow) {
    const c = expenseRow.cells as Record<StatementColumn, string>;
    const amount = c.gross.replace(/[\s,]/g, "");
    if (!/^\d{1,18}(\.\d{1,4})?$/.test(amount))
      errors.push(rowError(expenseRow.row, "gross", "Give the expenses as a non-negative decimal.", "EXPENSES_INVALID"));
    expenses = { amount, currency: (c.currency || deal.currency).toUpperCase() };
  } else if (fields.expenses !== undefined) expenses = { amount: fields.expenses, currency: deal.currency };
  if (lines.length === 0 && errors.length === 0)
    return fail("invalid", "FILE_EMPTY", "The file has no revenue lines.", {
      errors: [{ path: "file", message: "The file has no revenue lines." }],
    });
  if (errors.length > 0)
    return fail("invalid", "VALIDATION_FAILED", "Some rows need attention; nothing was saved.", { errors: errors.slice(0, 501) });

  const result = await submitOrCheck(
    actor,
    deal.id,
    {
      periodStart: fields.periodStart,
      periodEnd: fields.periodEnd,
      supersedesId: fields.supersedesId,
      lines: lines.map((l) => l.line),
      expenses,
    },
    { source: "UPLOAD" },
    fields.dryRun,
  );
  if (!result.ok) {
    // Line errors come back as lines.<index>.<field>: point them at the spreadsheet's row and column.
    const mapped = result.errors?.map((e): FieldError => {
      const m = /^lines\.(\d+)\.(.+)$/.exec(e.path);
      if (m) {
        const row = lines[Number(m[1])]!.row;
        const column = LINE_FIELD_COLUMN[m[2]!] ?? m[2]!;
        return rowError(row, column, e.message, e.code, e.params);
      }
      if (e.path.startsWith("expenses") && expenseRow)
        return rowError(expenseRow.row, e.path.endsWith("currency") ? "currency" : "gross", e.message, e.code, e.params);
      return e;
    });
    return { ...result, ...(mapped ? { errors: mapped } : {}) };
  }
  return ok({
    dryRun: fields.dryRun,
    statementId: result.value.id,
    rows: sheet.value.length,
    lineCount: result.value.lineCount,
    gross: money(result.value.grossMinor, deal.currency),
    expenses: money(result.value.expensesMinor, deal.currency),
  });
}

/** A CSV template for a deal's statements: the header and one example row per granted title (first country and media). */
export async function statementTemplateCsv(actor: Actor, dealId: string): Promise<string | null> {
  const deal = await db.deal.findFirst({ where: { AND: [{ id: dealId }, partyOf(actor)] }, select: { id: true, currency: true } });
  if (!deal) return null;
  const examples = await db.$queryRaw<{ title_id: string; country: string; media: string }[]>`
    SELECT DISTINCT ON (title_id) title_id::text, country, media FROM grant_slice
    WHERE deal_id = ${deal.id}::uuid AND NOT holdback ORDER BY title_id, country, media LIMIT 20`;
  const zero = formatAmount(0n, minorUnits(deal.currency));
  return toCsv(
    STATEMENT_COLUMNS,
    [
      ...examples.map((e) => [e.title_id, e.country.trim(), e.media, "STREAMING", zero, deal.currency]),
      ["", "", "", EXPENSES_ROW, zero, deal.currency],
    ],
    [4],
  );
}
