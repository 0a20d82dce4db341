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

export const STATEMENT_COLUMNS = [
  "titleId",
  "eidr",
  "titleRef",
  "territory",
  "mediaRight",
  "revenueType",
  "gross",
  "currency",
  "season",
] as const;
export type StatementColumn = (typeof STATEMENT_COLUMNS)[number];
/** The title is named by any of titleId, eidr or titleRef (each row checks it has one). */
const REQUIRED = ["territory", "mediaRight", "revenueType", "gross"] as const;
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
  eidr: "eidr",
  titleRef: "titleRef",
  territory: "territory",
  mediaRight: "mediaRight",
  revenueType: "revenueType",
  gross: "gross",
  "gross.amount": "gross",
  "gross.currency": "currency",
  season: "season",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Errors in spreadsheet order: each row's problems together, rows top to bottom, file-level ones first. */
function byRow(errors: FieldError[]): FieldError[] {
  const row = (e: FieldError) => ("row" in e && typeof e.row === "number" ? e.row : -1);
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => row(a.e) - row(b.e) || a.i - b.i)
    .map((x) => x.e);
}

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
  // Rows the rights check sees: every row whose title, country and media are well formed, even
  // when its amount or revenue type is not (those stand in as placeholders and are reported
  // here), so one upload lists every problem of every row.
  const lines: { row: number; line: StatementLine }[] = [];
  let shapeErrors = false;
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
    const rawId = c.titleId?.trim() ?? "";
    const titleId = rawId === "" ? undefined : UUID.test(rawId) ? rawId.toLowerCase() : (titleByName.get(rawId.toLowerCase()) ?? rawId);
    const line = {
      titleId,
      eidr: c.eidr?.trim() || undefined,
      titleRef: c.titleRef?.trim() || undefined,
      territory: c.territory,
      mediaRight: c.mediaRight.toUpperCase(),
      revenueType: type,
      gross: { amount: c.gross.replace(/[\s,]/g, ""), currency: (c.currency || deal.currency).toUpperCase() },
      // A season number for a series; anything else stays text so the schema refuses it on its column.
      season: c.season?.trim() ? (/^\d{1,6}$/.test(c.season.trim()) ? Number(c.season.trim()) : c.season.trim()) : undefined,
    };
    const parsed = statementLineSchema.safeParse(line);
    if (parsed.success) {
      lines.push({ row: r.row, line: parsed.data });
      continue;
    }
    shapeErrors = true;
    const columns = new Set<string>();
    for (const issue of parsed.error.issues) {
      const column = LINE_FIELD_COLUMN[issue.path.map(String).join(".")] ?? String(issue.path[0] ?? "row");
      columns.add(column);
      if (column === "titleId" && rawId !== "" && !UUID.test(rawId))
        errors.push(
          rowError(
            r.row,
            column,
            `No title granted by this deal is called “${rawId}”; use the title's id or exact name.`,
            "TITLE_NAME_UNKNOWN",
            {
              name: rawId,
            },
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
    if (!["titleId", "eidr", "titleRef", "territory", "mediaRight"].some((k) => columns.has(k))) {
      const standIn = statementLineSchema.safeParse({
        ...line,
        revenueType: columns.has("revenueType") ? "OTHER" : line.revenueType,
        gross: columns.has("gross") || columns.has("currency") ? { amount: "0", currency: deal.currency } : line.gross,
        season: columns.has("season") ? undefined : line.season,
      });
      if (standIn.success) lines.push({ row: r.row, line: standIn.data });
    }
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
  // Row shape errors do not stop here: the rows that can be checked against the deal are, in the
  // same answer (a check only, nothing is written while any row has a problem).
  const failed = (all: FieldError[]) =>
    fail("invalid", "VALIDATION_FAILED", "Some rows need attention; nothing was saved.", { errors: byRow(all).slice(0, 501) });
  if (lines.length === 0 && errors.length > 0) return failed(errors);

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
    fields.dryRun || errors.length > 0 || shapeErrors,
  );
  if (result.ok && errors.length > 0) return failed(errors);
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
    if (result.kind === "invalid" && errors.length > 0) return failed([...errors, ...(mapped ?? [])]);
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

/**
 * A CSV template for a deal's statements: the header and one example row per granted title (its
 * first country and media), naming the title all three ways — titleId, eidr and titleRef (its
 * original title) — so a partner's system can keep whichever it knows.
 */
export async function statementTemplateCsv(actor: Actor, dealId: string): Promise<string | null> {
  const deal = await db.deal.findFirst({ where: { AND: [{ id: dealId }, partyOf(actor)] }, select: { id: true, currency: true } });
  if (!deal) return null;
  const examples = await db.$queryRaw<{ title_id: string; eidr: string | null; name: string; country: string; media: string }[]>`
    SELECT DISTINCT ON (s.title_id) s.title_id::text, t.eidr, t.original_title AS name, s.country, s.media
    FROM grant_slice s JOIN title t ON t.id = s.title_id
    WHERE s.deal_id = ${deal.id}::uuid AND NOT s.holdback ORDER BY s.title_id, s.country, s.media LIMIT 200`;
  const zero = formatAmount(0n, minorUnits(deal.currency));
  // `season` is optional and only for series: the template keeps to the columns every deal uses.
  return toCsv(
    STATEMENT_COLUMNS.filter((c) => c !== "season"),
    [
      ...examples.map((e) => [e.title_id, e.eidr ?? "", e.name, e.country.trim(), e.media, "STREAMING", zero, deal.currency]),
      ["", "", "", "", "", EXPENSES_ROW, zero, deal.currency],
    ],
    [6],
  );
}
