import { money } from "@/lib/money/currency";
import type { Money } from "@/lib/money/money";
import { type Obligation, sideOf, statusOf, type TitleNames } from "./rules";
import type { ObligationKind, ObligationSide, ObligationStatus } from "./schema";

/** The API and page shape of an obligation, as one organisation sees it on its `today`. */
export type ObligationView = {
  id: string;
  kind: ObligationKind;
  dueDate: string;
  status: ObligationStatus;
  side: ObligationSide;
  deal: { id: string; name: string } | null;
  title: { id: string; name: string } | null;
  amount: Money | null;
  outstanding: Money | null;
  href: string;
};

export type ViewLocale = "en" | "zh";

/** A title's name in a language: the localized title, else the original. */
export function titleName(names: TitleNames, locale: ViewLocale): string {
  return (locale === "zh" ? names.zh : names.en) ?? names.original;
}

export function presentObligation(o: Obligation, orgId: string, today: string, locale: ViewLocale): ObligationView {
  const asMoney = (minor: bigint | null) => (minor === null || o.currency === null ? null : money(minor, o.currency));
  return {
    id: o.id,
    kind: o.kind,
    dueDate: o.dueDate,
    status: statusOf(o, today),
    side: sideOf(o, orgId),
    deal: o.deal,
    title: o.title ? { id: o.title.id, name: titleName(o.title.names, locale) } : null,
    amount: asMoney(o.amountMinor),
    outstanding: asMoney(o.outstandingMinor),
    href: o.href,
  };
}
