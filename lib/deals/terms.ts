import "server-only";
import { amountDecimals, amountNotPositive, currencyMismatch } from "@/lib/api/field-errors";
import { D, formatAmount, parseAmount } from "@/lib/money/money";
import { getCurrency } from "@/lib/reference/currencies";
import type { FieldError } from "@/lib/result";
import { DEFAULT_REPORTING, type DealTermsInput, type INSTALMENT_TRIGGERS, type RenewalOption, type ReportingFrequency } from "./schema";

/** Deal terms converted to storage: money as bigint minor units of the deal's currency. */
export type StoredTerms = {
  mgMinor: bigint | null;
  distributionFeePct: string | null;
  expenseCapMinor: bigint | null;
  shareTiers: { upToMinor: string | null; pct: string }[] | null;
  creatorParticipationPct: string | null;
  instalments: { amountMinor: bigint; dueDate: string | null; trigger: (typeof INSTALMENT_TRIGGERS)[number] }[];
  participants: { name: string; role: string; share: string }[];
  reportingFrequency: ReportingFrequency;
  reportingDueDays: number;
  paymentDueDays: number;
  renewalOption: RenewalOption | null;
};

export function checkCurrency(code: string, path: string, errors: FieldError[]): number {
  const currency = getCurrency(code);
  if (!currency || currency.minorUnits === null) {
    errors.push({ path, message: `“${code}” is not an ISO 4217 currency that money can be dealt in.` });
    return 2;
  }
  return currency.minorUnits;
}

function money(m: { amount: string; currency: string }, currency: string, exponent: number, path: string, errors: FieldError[]): bigint {
  if (m.currency !== currency) {
    errors.push({ path: `${path}.currency`, ...currencyMismatch(currency) });
    return 0n;
  }
  const minor = parseAmount(m.amount, exponent);
  if (minor === null) {
    errors.push({ path: `${path}.amount`, ...amountDecimals(currency, exponent) });
    return 0n;
  }
  return minor;
}

/** Validates terms against the deal's currency and converts them; errors carry `terms.` paths. */
export function storeTerms(terms: DealTermsInput, currency: string, exponent: number, errors: FieldError[]): StoredTerms {
  const mgMinor = terms.minimumGuarantee ? money(terms.minimumGuarantee, currency, exponent, "terms.minimumGuarantee", errors) : null;
  const expenseCapMinor = terms.expenseCap ? money(terms.expenseCap, currency, exponent, "terms.expenseCap", errors) : null;
  const instalments = (terms.instalments ?? []).map((i, n) => ({
    amountMinor: money(i.amount, currency, exponent, `terms.instalments.${n}.amount`, errors),
    dueDate: i.dueDate ?? null,
    trigger: i.trigger,
  }));
  instalments.forEach((i, n) => {
    if (i.amountMinor <= 0n)
      errors.push({ path: `terms.instalments.${n}.amount.amount`, ...amountNotPositive("An instalment must be more than zero.") });
  });
  if (instalments.length > 0) {
    const sum = instalments.reduce((a, i) => a + i.amountMinor, 0n);
    if (mgMinor === null) errors.push({ path: "terms.minimumGuarantee", message: "Instalments need a minimum guarantee to divide." });
    else if (sum !== mgMinor) {
      errors.push({
        path: "terms.instalments",
        message: `Instalments add up to ${formatAmount(sum, exponent)} ${currency}, not the minimum guarantee of ${formatAmount(mgMinor, exponent)}.`,
      });
    }
  }
  let shareTiers: StoredTerms["shareTiers"] = null;
  if (terms.shareTiers && terms.shareTiers.length > 0) {
    let previous = -1n;
    shareTiers = terms.shareTiers.map((t, n) => {
      const last = n === terms.shareTiers!.length - 1;
      if (t.upTo === null && !last)
        errors.push({ path: `terms.shareTiers.${n}.upTo`, message: "Only the last tier may be open-ended (upTo null)." });
      if (t.upTo !== null && last)
        errors.push({ path: `terms.shareTiers.${n}.upTo`, message: "The last tier must be open-ended (upTo null)." });
      const upToMinor = t.upTo === null ? null : parseAmount(t.upTo, exponent);
      if (t.upTo !== null && upToMinor === null) errors.push({ path: `terms.shareTiers.${n}.upTo`, ...amountDecimals(currency, exponent) });
      if (upToMinor !== null) {
        if (upToMinor <= previous)
          errors.push({ path: `terms.shareTiers.${n}.upTo`, message: "Tiers must rise: each upTo above the previous one." });
        previous = upToMinor;
      }
      return { upToMinor: upToMinor === null ? null : upToMinor.toString(), pct: new D(t.pct).toString() };
    });
  }
  const participants = (terms.participants ?? []).map((p) => ({ name: p.name, role: p.role, share: new D(p.share).toString() }));
  participants.forEach((p, n) => {
    if (new D(p.share).lte(0)) errors.push({ path: `terms.participants.${n}.share`, message: "A share must be more than zero." });
  });
  if (participants.length > 0 && !terms.creatorParticipationPct) {
    errors.push({ path: "terms.creatorParticipationPct", message: "Set the creators' pool percentage for the participants." });
  }
  return {
    mgMinor,
    distributionFeePct: terms.distributionFeePct ?? null,
    expenseCapMinor,
    shareTiers,
    creatorParticipationPct: terms.creatorParticipationPct ?? null,
    instalments,
    participants,
    // Restating the terms without reporting terms means the defaults, like every other term.
    reportingFrequency: terms.reportingFrequency ?? DEFAULT_REPORTING.reportingFrequency,
    reportingDueDays: terms.reportingDueDays ?? DEFAULT_REPORTING.reportingDueDays,
    paymentDueDays: terms.paymentDueDays ?? DEFAULT_REPORTING.paymentDueDays,
    renewalOption: terms.renewalOption ?? null,
  };
}
