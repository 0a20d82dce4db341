import type { FieldRules } from "@/components/forms/field-errors";
import { DEFAULT_REPORTING, type DealTermsInput, type INSTALMENT_TRIGGERS, type ReportingFrequency } from "@/lib/deals/schema";

/**
 * The deal form keeps what people type (strings, empty meaning "not agreed"); `toTermsPayload`
 * turns that into the API's terms before the shared zod schema validates it. Field names mirror
 * the payload, so zod and server error paths land on the right input (see `formPath`).
 */
export type Trigger = (typeof INSTALMENT_TRIGGERS)[number];

export type TermsFormValues = {
  minimumGuarantee: { amount: string };
  instalments: { amount: { amount: string }; dueDate: string; trigger: Trigger }[];
  distributionFeePct: string;
  expenseCap: { amount: string };
  /** The last tier is always the open-ended top tier: its `upTo` is ignored and sent as null. */
  shareTiers: { upTo: string; pct: string }[];
  creatorParticipationPct: string;
  participants: { name: string; role: string; share: string }[];
  reportingFrequency: ReportingFrequency;
  /** Whole days as typed. */
  reportingDueDays: string;
  paymentDueDays: string;
};

export const emptyTerms = (): TermsFormValues => ({
  minimumGuarantee: { amount: "" },
  instalments: [],
  distributionFeePct: "",
  expenseCap: { amount: "" },
  shareTiers: [],
  creatorParticipationPct: "",
  participants: [],
  reportingFrequency: DEFAULT_REPORTING.reportingFrequency,
  reportingDueDays: String(DEFAULT_REPORTING.reportingDueDays),
  paymentDueDays: String(DEFAULT_REPORTING.paymentDueDays),
});

/** Grouping separators people paste ("1,200,000.00", "1 200 000") are not part of the number. */
export const cleanAmount = (s: string) => s.replace(/[\s,_'’]/g, "").trim();
const cleanPct = (s: string) => s.replace(/[\s%％]/g, "").trim();

type PresentedMoney = { amount: string; currency: string } | null;
export type PresentedTerms = {
  minimumGuarantee: PresentedMoney;
  instalments: { amount: PresentedMoney; dueDate: string | null; trigger: string }[];
  distributionFeePct: string | null;
  expenseCap: PresentedMoney;
  shareTiers: { upTo: string | null; pct: string }[];
  creatorParticipationPct: string | null;
  participants: { name: string; role: string; share: string }[];
  reportingFrequency?: string;
  reportingDueDays?: number;
  paymentDueDays?: number;
};

export function termsFormFromDeal(terms: PresentedTerms): TermsFormValues {
  return {
    minimumGuarantee: { amount: terms.minimumGuarantee?.amount ?? "" },
    instalments: terms.instalments.map((i) => ({
      amount: { amount: i.amount?.amount ?? "" },
      dueDate: i.dueDate ?? "",
      trigger: i.trigger as Trigger,
    })),
    distributionFeePct: terms.distributionFeePct ?? "",
    expenseCap: { amount: terms.expenseCap?.amount ?? "" },
    shareTiers: terms.shareTiers.map((t) => ({ upTo: t.upTo ?? "", pct: t.pct })),
    creatorParticipationPct: terms.creatorParticipationPct ?? "",
    participants: terms.participants.map((p) => ({ ...p })),
    reportingFrequency: (terms.reportingFrequency ?? DEFAULT_REPORTING.reportingFrequency) as ReportingFrequency,
    reportingDueDays: String(terms.reportingDueDays ?? DEFAULT_REPORTING.reportingDueDays),
    paymentDueDays: String(terms.paymentDueDays ?? DEFAULT_REPORTING.paymentDueDays),
  };
}

/** Whole days as typed → a number for the schema to check (anything else stays as typed, and is refused). */
const days = (s: string | undefined, fallback: number): unknown => {
  const v = (s ?? "").trim();
  if (v === "") return fallback;
  return /^-?\d+$/.test(v) ? Number(v) : v;
};

/** Form strings → DealTerms input (still unvalidated): blanks dropped, money in the deal's currency. */
export function toTermsPayload(v: TermsFormValues, currency: string): DealTermsInput {
  const money = (amount: string) => {
    const a = cleanAmount(amount);
    return a === "" ? null : { amount: a, currency };
  };
  const pct = (s: string) => {
    const p = cleanPct(s);
    return p === "" ? null : p;
  };
  return {
    minimumGuarantee: money(v.minimumGuarantee.amount),
    instalments: v.instalments.map((i) => ({
      amount: { amount: cleanAmount(i.amount.amount), currency },
      dueDate: i.dueDate === "" ? null : i.dueDate,
      trigger: i.trigger,
    })),
    distributionFeePct: pct(v.distributionFeePct),
    expenseCap: money(v.expenseCap.amount),
    shareTiers: v.shareTiers.map((t, n) => ({
      upTo: n === v.shareTiers.length - 1 ? null : cleanAmount(t.upTo),
      pct: cleanPct(t.pct),
    })),
    creatorParticipationPct: pct(v.creatorParticipationPct),
    participants: v.participants.map((p) => ({ name: p.name, role: p.role, share: cleanPct(p.share) })),
    reportingFrequency: v.reportingFrequency ?? DEFAULT_REPORTING.reportingFrequency,
    reportingDueDays: days(v.reportingDueDays, DEFAULT_REPORTING.reportingDueDays),
    paymentDueDays: days(v.paymentDueDays, DEFAULT_REPORTING.paymentDueDays),
  } as DealTermsInput;
}

/** Array-level errors live at `<array>.root` in react-hook-form. */
const ARRAYS = new Set(["terms.instalments", "terms.shareTiers", "terms.participants"]);

/**
 * Where an error path of the API (or of zod on the payload) is shown in the form:
 * money currencies belong to the deal currency field, a money object's own error to its amount,
 * the counterparty ids to the counterparty picker.
 */
export function formPath(path: string): string {
  if (path === "licenseeId" || path === "licensorId") return "counterpartyId";
  if (path.endsWith(".currency")) return "currency";
  if (path === "terms.minimumGuarantee" || path === "terms.expenseCap") return `${path}.amount`;
  if (/^terms\.instalments\.\d+\.amount$/.test(path)) return `${path}.amount`;
  if (ARRAYS.has(path)) return `${path}.root`;
  if (path === "terms") return "terms.minimumGuarantee.amount";
  return path;
}

/** The kind of rule a field follows, for a message in the UI language when zod (English) refuses it. */
export function ruleOf(path: string): string {
  const last =
    path
      .split(".")
      .filter((p) => !/^\d+$/.test(p) && p !== "root")
      .pop() ?? "";
  switch (last) {
    case "amount":
    case "minimumGuarantee":
    case "expenseCap":
      return "amount";
    case "upTo":
      return "upTo";
    case "pct":
    case "distributionFeePct":
    case "creatorParticipationPct":
      return "percent";
    case "share":
      return "share";
    case "reportingDueDays":
    case "paymentDueDays":
      return "days";
    case "reportingFrequency":
      return "frequency";
    case "dueDate":
    case "start":
    case "end":
    case "until":
      return "date";
    case "trigger":
      return "trigger";
    case "name":
      return "name";
    case "role":
      return "role";
    case "counterpartyId":
      return "counterparty";
    case "currency":
      return "currency";
    case "titleId":
      return "title";
    case "territories":
      return "territories";
    case "mediaRights":
      return "mediaRights";
    case "reason":
      return "reason";
    default:
      return "generic";
  }
}

/**
 * How the deal forms name their field errors in `deals.validation`: each field by its rule, and the
 * schemas' one cross-field rule (a window's end on or after its start) by its own message.
 */
export const dealFieldRules = {
  ruleOf,
  refine: (path: string, error: { type?: string }) => (error.type === "custom" && /(^|\.)end$/.test(path) ? "window" : undefined),
} satisfies FieldRules;
