/**
 * The statement form's values, its checks as you type and the payload it sends. Pure (no React),
 * so the rules a person sees are unit-tested: the shared zod schema (lib/statements/schema.ts)
 * plus what only the deal knows — the currency's digits and what the deal grants.
 */
import { cleanNumber } from "@/components/forms/group-digits";
import { REVENUE_TYPES, type SubmitStatementData, submitStatementSchema } from "@/lib/statements/schema";

export type LineValues = {
  titleId: string;
  territory: string;
  mediaRight: string;
  revenueType: string;
  gross: string;
  /** For a series: the season number the revenue is for (blank: not said). */
  season?: string;
};
export type StatementFormValues = {
  periodStart: string;
  periodEnd: string;
  supersedesId: string;
  expenses: string;
  lines: LineValues[];
};

/** What one grant of the deal allows a line to report: a title in these countries and leaf media (and, for a series, its seasons). */
export type GrantScope = { titleId: string; countries: string[]; media: string[]; seasons?: number[] };
export type FormContext = { currency: string; exponent: number; scopes: GrantScope[] };

/** Keys of `statements.validation` in the messages. */
export type Rule =
  | "date"
  | "periodOrder"
  | "title"
  | "territory"
  | "territoryNotGranted"
  | "media"
  | "mediaNotGranted"
  | "revenueType"
  | "amount"
  | "digits"
  | "lines"
  | "season"
  | "supersedes";

export const blankLine = (): LineValues => ({ titleId: "", territory: "", mediaRight: "", revenueType: "", gross: "", season: "" });

const AMOUNT = /^\d{1,18}(\.\d+)?$/;

export function toStatementPayload(v: StatementFormValues, currency: string): SubmitStatementData {
  return {
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    ...(v.supersedesId ? { supersedesId: v.supersedesId } : {}),
    ...(cleanNumber(v.expenses) ? { expenses: { amount: cleanNumber(v.expenses), currency } } : {}),
    lines: v.lines.map((l) => ({
      titleId: l.titleId,
      territory: l.territory,
      mediaRight: l.mediaRight,
      revenueType: l.revenueType as SubmitStatementData["lines"][number]["revenueType"],
      gross: { amount: cleanNumber(l.gross), currency },
      ...(l.season?.trim() ? { season: /^\d+$/.test(l.season.trim()) ? Number(l.season.trim()) : Number.NaN } : {}),
    })),
  };
}

/** Countries the deal grants for a title, and the leaf media it grants for a title in a country. */
export function countriesFor(scopes: GrantScope[], titleId: string): string[] {
  return [...new Set(scopes.filter((s) => s.titleId === titleId).flatMap((s) => s.countries))];
}
/** The seasons a line for this title may name (empty: not a series). */
export function seasonsFor(scopes: GrantScope[], titleId: string): number[] {
  return [...new Set(scopes.filter((s) => s.titleId === titleId).flatMap((s) => s.seasons ?? []))].sort((a, b) => a - b);
}
export function mediaFor(scopes: GrantScope[], titleId: string, country: string): string[] {
  return [...new Set(scopes.filter((s) => s.titleId === titleId && (!country || s.countries.includes(country))).flatMap((s) => s.media))];
}

/** Amounts as typed: thousands grouped as you type ("1,250.00"), checked and sent without the separators. */
function amountRule(value: string, exponent: number): Rule | null {
  const v = cleanNumber(value);
  if (!AMOUNT.test(v)) return "amount";
  const fraction = v.split(".")[1] ?? "";
  return fraction.length > exponent ? "digits" : null;
}

/**
 * Every problem of the form as { form path → rule }. The shared schema's paths are mapped onto
 * the form's fields (`lines.3.gross.amount` → `lines.3.gross`), then the deal's own rules apply.
 */
export function validateStatement(v: StatementFormValues, ctx: FormContext): Record<string, Rule> {
  const errors: Record<string, Rule> = {};
  const put = (path: string, rule: Rule) => {
    if (!errors[path]) errors[path] = rule;
  };
  const parsed = submitStatementSchema.safeParse(toStatementPayload(v, ctx.currency));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = formPathOf(issue.path.map(String).join("."));
      put(path, ruleOfPath(path));
    }
  }
  if (!errors.periodStart && !errors.periodEnd && v.periodStart > v.periodEnd) put("periodEnd", "periodOrder");
  if (cleanNumber(v.expenses)) {
    const rule = amountRule(v.expenses, ctx.exponent);
    if (rule) put("expenses", rule);
  }
  v.lines.forEach((line, i) => {
    const p = `lines.${i}`;
    if (!line.titleId) put(`${p}.titleId`, "title");
    if (!line.territory) put(`${p}.territory`, "territory");
    else if (line.titleId && !countriesFor(ctx.scopes, line.titleId).includes(line.territory)) put(`${p}.territory`, "territoryNotGranted");
    if (!line.mediaRight) put(`${p}.mediaRight`, "media");
    else if (line.titleId && !mediaFor(ctx.scopes, line.titleId, line.territory).includes(line.mediaRight))
      put(`${p}.mediaRight`, "mediaNotGranted");
    if (!(REVENUE_TYPES as readonly string[]).includes(line.revenueType)) put(`${p}.revenueType`, "revenueType");
    const rule = amountRule(line.gross, ctx.exponent);
    if (rule) put(`${p}.gross`, rule);
  });
  return errors;
}

/** An API/schema error path → the form field that shows it (`lines.3.gross.amount` → `lines.3.gross`). */
export function formPathOf(path: string): string {
  return path.replace(/\.(amount|currency)$/, "");
}

function ruleOfPath(path: string): Rule {
  if (path === "periodStart" || path === "periodEnd") return "date";
  if (path === "supersedesId") return "supersedes";
  if (path === "expenses") return "amount";
  if (path === "lines") return "lines";
  const field = path.split(".").pop();
  switch (field) {
    case "titleId":
      return "title";
    case "territory":
      return "territory";
    case "mediaRight":
      return "media";
    case "revenueType":
      return "revenueType";
    case "season":
      return "season";
    default:
      return "amount";
  }
}

/** Σ of the gross amounts that are valid so far, in minor units (for the running total). */
export function grossTotalMinor(lines: LineValues[], exponent: number): bigint {
  let total = 0n;
  for (const l of lines) {
    const v = cleanNumber(l.gross);
    if (amountRule(v, exponent)) continue;
    const [whole = "0", fraction = ""] = v.split(".");
    total += BigInt(whole + fraction.padEnd(exponent, "0"));
  }
  return total;
}
