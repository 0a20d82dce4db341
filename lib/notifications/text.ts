/**
 * The sentence of an event or reminder notification in the reader's language, from its kind and
 * the params its command stored. Pure and browser-safe: the bell and the notifications page
 * (next-intl's `useTranslations`) and the e-mails (`createTranslator`) read the same messages
 * (`notifications.kinds` in messages/<locale>/notifications.json), so a notification reads the same
 * everywhere. Titles are stored in both languages and chosen here: the Chinese reader sees
 * 《天衍仙途》, the English reader “The Celestial Path”.
 */
import { formatDate, formatMoney } from "@/lib/i18n/format";
import { OBLIGATION_KINDS } from "./schema";

/** A translator bound to `notifications.kinds`. */
export type KindTranslate = (key: string, values?: Record<string, string | number>) => string;

const str = (v: unknown) => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const list = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

/** The titles as the reader names them: 《A》、《B》 in Chinese, “A”, “B” in English (at most three, then "+n"). */
export function titlesText(params: Record<string, unknown>, locale: string): string {
  const zh = locale === "zh";
  const names = zh ? list(params.titlesZh) : list(params.titlesEn);
  const fallback = zh ? list(params.titlesEn) : [];
  const shown = (names.length > 0 ? names : fallback).slice(0, 3);
  const all = Math.max(names.length, fallback.length);
  if (shown.length === 0) return "";
  const quoted = zh ? shown.map((n) => `《${n}》`).join("、") : shown.map((n) => `“${n}”`).join(", ");
  const more = all - shown.length;
  return more > 0 ? `${quoted}${zh ? ` 等 ${all} 部` : ` +${more}`}` : quoted;
}

function moneyText(params: Record<string, unknown>, locale: string, field = "amount"): string {
  const amount = str(params[field]);
  const currency = str(params.currency);
  if (!amount || !/^[A-Z]{3}$/.test(currency)) return "";
  try {
    // By code: a notification stands alone, and several dollar currencies look alike.
    return formatMoney({ amount, currency }, locale, { display: "code" });
  } catch {
    return `${currency} ${amount}`;
  }
}

const dateText = (value: unknown, locale: string) => {
  const s = str(value);
  return isDate(s) ? formatDate(s, locale) : s;
};

/** Which message of `notifications.kinds` a notification reads as (a kind may have variants). */
export function messageKey(kind: string, params: Record<string, unknown>): string {
  switch (kind) {
    case "DEAL_SIGNED":
      return params.fullySigned === true ? "DEAL_SIGNED" : "DEAL_SIGNED_FIRST";
    case "STATEMENT_SUBMITTED":
      return params.corrects === true ? "STATEMENT_SUBMITTED_CORRECTION" : "STATEMENT_SUBMITTED";
    case "ADVANCE_DECIDED":
      return params.decision === "DECLINED" ? "ADVANCE_DECLINED" : "ADVANCE_APPROVED";
    case "RECEIPT_RECORDED":
      return params.receiptKind === "OVERAGE" ? "RECEIPT_RECORDED_OVERAGE" : "RECEIPT_RECORDED";
    default:
      return kind;
  }
}

const REMINDER_KINDS = new Set<string>(OBLIGATION_KINDS);
const EVENT_KEYS = new Set([
  "DEAL_PROPOSED",
  "DEAL_SIGNED",
  "DEAL_SIGNED_FIRST",
  "DEAL_TERMINATED",
  "DEAL_AMENDED",
  "STATEMENT_SUBMITTED",
  "STATEMENT_SUBMITTED_CORRECTION",
  "STATEMENT_ACCEPTED",
  "STATEMENT_DISPUTED",
  "STATEMENT_SUPERSEDED",
  "RECEIPT_RECORDED",
  "RECEIPT_RECORDED_OVERAGE",
  "ADVANCE_SUBMITTED",
  "ADVANCE_REVIEWED",
  "ADVANCE_APPROVED",
  "ADVANCE_DECLINED",
  "ADVANCE_DISBURSED",
  "ADVANCE_REPAID",
  "ADVANCE_DEFAULTED",
]);

/** Whether this module writes the sentence of `kind` (edit requests have their own, in components/notifications). */
export const describes = (kind: string) => REMINDER_KINDS.has(kind) || EVENT_KEYS.has(messageKey(kind, {}));

/**
 * The sentence. Reminders (obligation kinds) read "{what} for {deal} {titles}: due {date}" with
 * `dueDate` and `overdue` from their params; events read their own message.
 */
export function describeNotification(t: KindTranslate, locale: string, kind: string, params: Record<string, unknown>): string {
  const values = {
    organization: str(params.organization),
    deal: str(params.deal),
    titles: titlesText(params, locale),
    amount: moneyText(params, locale),
    periodStart: dateText(params.periodStart, locale),
    periodEnd: dateText(params.periodEnd, locale),
    reason: str(params.reason),
  };
  if (REMINDER_KINDS.has(kind)) {
    return t(params.overdue === true ? "reminderOverdue" : "reminderDue", {
      what: t(`obligation.${kind}`),
      deal: values.deal || values.titles || "—",
      amount: values.amount || "—",
      dueDate: dateText(params.dueDate, locale) || "—",
    });
  }
  const key = messageKey(kind, params);
  if (!EVENT_KEYS.has(key)) return t("other", { kind });
  return t(key, values);
}
