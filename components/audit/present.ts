/**
 * Pure helpers that turn audit entries into something a person can scan: which fields changed,
 * and which label an action or record type has in the UI. Unknown actions and types (added by
 * later features before their labels) fall back to their raw codes.
 */

import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent } from "@/lib/i18n/format";
import { money } from "@/lib/money/currency";
import { getCurrency } from "@/lib/reference/currencies";

/**
 * A change of one field. Nested values (deal terms, instalments, splits) are flattened to paths, so
 * every row is one readable value, never a JSON object (issue 17 point 13).
 */
export type DiffRow = { path: string[]; change: "added" | "removed" | "changed"; before?: unknown; after?: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `{ amount: "12.50", currency: "USD" }`: one value, not two fields. */
function isMoney(value: unknown): value is { amount: string; currency: string } {
  return (
    isRecord(value) &&
    Object.keys(value).length === 2 &&
    typeof value.amount === "string" &&
    typeof value.currency === "string" &&
    /^-?\d+(\.\d+)?$/.test(value.amount)
  );
}

const isLeaf = (value: unknown) =>
  !(isRecord(value) || Array.isArray(value)) ||
  isMoney(value) ||
  (Array.isArray(value) && value.every((v) => !isRecord(v) && !Array.isArray(v)));

/** Leaves of a value by path: records and lists of records opened up, lists of plain values kept whole. */
export function flatten(value: unknown, path: string[] = [], out: Map<string, { path: string[]; value: unknown }> = new Map()) {
  if (isLeaf(value) || (isRecord(value) && Object.keys(value).length === 0 && path.length > 0)) {
    out.set(path.join("."), { path, value });
    return out;
  }
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value as object);
  for (const [key, v] of entries) flatten(v, [...path, key], out);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The fields an entry changed, nested fields by path: set on creation, cleared on removal, or before → after. */
export function diffValues(before: unknown, after: unknown): DiffRow[] {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (!hasBefore && !hasAfter) return [];
  const b = hasBefore ? flatten(before) : new Map<string, { path: string[]; value: unknown }>();
  const a = hasAfter ? flatten(after) : new Map<string, { path: string[]; value: unknown }>();
  const rows: DiffRow[] = [];
  for (const key of [...new Set([...b.keys(), ...a.keys()])]) {
    const was = b.get(key);
    const now = a.get(key);
    if (was && now) {
      if (!same(was.value, now.value)) rows.push({ path: now.path, change: "changed", before: was.value, after: now.value });
    } else if (now) rows.push({ path: now.path, change: "added", after: now.value });
    else if (was) rows.push({ path: was.path, change: "removed", before: was.value });
  }
  return rows;
}

const MAX_VALUE_LENGTH = 80;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

export type ValueContext = {
  locale: string;
  /** The currency of the record's `…Minor` amounts, when the record has one. */
  currency: string | null;
  words: { yes: string; no: string; none: string };
};

const cut = (text: string) => (text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text);

/**
 * One value for people: minor units as money in the record's currency, percentages, dates and
 * instants in the reader's format, yes/no, lists joined, ids shortened — never JSON.
 */
export function formatAuditValue(key: string, value: unknown, ctx: ValueContext): string {
  if (value === null || value === undefined || value === "") return ctx.words.none;
  if (typeof value === "boolean") return value ? ctx.words.yes : ctx.words.no;
  if (Array.isArray(value)) return value.length === 0 ? ctx.words.none : cut(value.map((v) => formatAuditValue(key, v, ctx)).join(", "));
  if (isMoney(value)) return formatMoney(value, ctx.locale);
  if (isRecord(value)) return ctx.words.none;
  const text = String(value);
  if (/Minor$/.test(key) && INTEGER.test(text)) {
    const currency = ctx.currency && getCurrency(ctx.currency)?.minorUnits != null ? ctx.currency : null;
    return currency ? formatMoney(money(BigInt(text), currency), ctx.locale) : formatNumber(text, ctx.locale);
  }
  if (/Pct$/.test(key) && DECIMAL.test(text)) return formatPercent(text, ctx.locale);
  if (typeof value === "number") return formatNumber(value, ctx.locale);
  if (DATE.test(text)) return formatDate(text, ctx.locale);
  if (INSTANT.test(text) && !Number.isNaN(Date.parse(text))) return formatDateTime(text, ctx.locale);
  if (UUID.test(text)) return `${text.slice(0, 8)}…`;
  return cut(text);
}

const ACRONYMS: Record<string, string> = { mg: "MG", fx: "FX", id: "ID", eidr: "EIDR", url: "URL", api: "API" };

/** "approvedMinor" → "Approved", "distributionFeePct" → "Distribution fee", "mgMinor" → "MG". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/(Minor|Pct)$/, "")
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => ACRONYMS[w] ?? w);
  if (words.length === 0) return key;
  const [first, ...rest] = words;
  return [first!.charAt(0).toUpperCase() + first!.slice(1), ...rest].join(" ");
}

/** A field's path in words: "terms.instalments.1.amountMinor" → "Terms › Instalments › #2 › Amount". */
export function fieldLabel(path: readonly string[], label: (key: string) => string | null = () => null): string {
  return path.map((segment) => (/^\d+$/.test(segment) ? `#${Number(segment) + 1}` : (label(segment) ?? humanizeKey(segment)))).join(" › ");
}

export const KNOWN_ACTIONS = [
  "organization.register",
  "organization.create",
  "invitation.create",
  "invitation.revoke",
  "membership.create",
  "membership.role_change",
  "membership.remove",
  "user.logout_everywhere",
  "api_key.create",
  "api_key.revoke",
  "organization.seed",
  "title.create",
  "title.update",
  "title.archive",
  "title.restore",
  "title.poster",
  "title.import",
  "version.create",
  "version.update",
  "market_test.create",
  "season.create",
  "episode.create",
  "episode.import",
  "rights_held.replace",
  "edit_policy.set",
  "edit_request.create",
  "edit_request.update",
  "edit_request.submit",
  "edit_request.resubmit",
  "edit_request.withdraw",
  "edit_request.decide",
  "edit_request.request_changes",
  "edit_request.comment",
  "edit_request.attach",
  "deal.create",
  "deal.update",
  "deal.propose",
  "deal.sign",
  "deal.terminate",
  "deal.expire",
  "grant.create",
  "grant.delete",
  "statement.submit",
  "statement.accept",
  "statement.dispute",
  "receipt.record",
  "fx.rates.put",
  "fx.rates.import",
  "facility.settings.update",
  "advance.create",
  "advance.update",
  "advance.submit",
  "advance.review",
  "advance.approve",
  "advance.decline",
  "advance.disburse",
  "advance.recoup",
  "advance.default",
  "advance.write_off",
  "advance.document.add",
] as const;

type ActionCode = (typeof KNOWN_ACTIONS)[number];
type Underscored<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${Underscored<B>}` : S;
export type ActionMessageKey = Underscored<ActionCode>;

/** Message key of a known action ("membership.role_change" → "membership_role_change"); null for others. */
export function actionMessageKey(action: string): ActionMessageKey | null {
  return (KNOWN_ACTIONS as readonly string[]).includes(action) ? (action.replaceAll(".", "_") as ActionMessageKey) : null;
}

/** Record types the audit log can be filtered by, in the order the filter lists them. */
export const ENTITY_TYPES = [
  "Organization",
  "Membership",
  "Invitation",
  "ApiKey",
  "User",
  "Title",
  "TitleImport",
  "Version",
  "MarketTest",
  "EditRequest",
  "Deal",
  "Statement",
  "Receipt",
  "Advance",
  "Facility",
  "FxRate",
  "Programme",
  "ProgrammeApplication",
  "CalendarFeed",
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export function isEntityType(value: string): value is EntityType {
  return (ENTITY_TYPES as readonly string[]).includes(value);
}
