import type { AdvanceStatus, LedgerKind, LimitRule } from "@/lib/facility/rules";
import type { Money } from "@/lib/money/money";

/**
 * What the facility pages hand to their client components: plain, serialisable values (money as
 * `{amount, currency}` decimal strings, instants as ISO strings), never Prisma rows or bigints.
 */

export type { ConversionView, EligibilityView, LimitView } from "@/lib/facility/present";

export type LedgerRowView = {
  id: string;
  kind: LedgerKind;
  amount: Money;
  at: string;
  feePart: Money | null;
  principalPart: Money | null;
  receiptId: string | null;
  dealId: string;
  source: Money | null;
  fxRate: string | null;
  note: string | null;
  paymentReference: string | null;
  valueDate: string | null;
  payingAccount: string | null;
};

export type BalancesView = { principal: Money; fee: Money; owed: Money };

export type DocumentView = { id: string; fileName: string; contentType: string; sizeBytes: number; createdAt: string };

export type TimelineEntryView = {
  id: string;
  at: string;
  action: string;
  actor: { id: string; name: string; email: string } | null;
  viaApiKey: string | null;
};

export type { AdvanceStatus, LedgerKind, LimitRule, Money };
