import { CircleCheck, CircleX, Hourglass } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import type { EditCategory } from "@/lib/catalogue/schema";
import type { ItemEvaluation } from "@/lib/edits/rules";
import { formatPercent } from "@/lib/i18n/format";
import { cn } from "@/lib/utils";

/**
 * An item's evaluation against the policy in the reader's language. lib/edits/rules gives English
 * reasons for the API and a `code` (plus the limit and magnitude) that this turns into a sentence;
 * a LOCKED item's reason is the studio's own note, shown as written.
 */
export function useEvaluationText() {
  const t = useTranslations("edits.evaluation");
  const tCategory = useTranslations("catalogue.editCategories");
  const locale = useLocale();
  const pct = (v: string | undefined) => (v ? formatPercent(v, locale, { maximumFractionDigits: 4 }) : "");
  return (evaluation: ItemEvaluation, category: EditCategory): { verdict: "approved" | "rejected" | "review"; text: string } => {
    const c = tCategory(category);
    switch (evaluation.code) {
      case "PRE_APPROVED":
        return {
          verdict: "approved",
          text: evaluation.maxPct ? t("approvedWithin", { limit: pct(evaluation.maxPct) }) : t("approved"),
        };
      case "LOCKED":
        return { verdict: "rejected", text: t("rejected", { reason: evaluation.reason ?? t("lockedDefault") }) };
      case "APPROVAL_REQUIRED":
        return { verdict: "review", text: t("approvalRequired", { category: c }) };
      case "OVER_LIMIT":
        return { verdict: "review", text: t("overLimit", { magnitude: pct(evaluation.magnitudePct), limit: pct(evaluation.maxPct) }) };
      case "MAGNITUDE_NEEDED":
        return { verdict: "review", text: t("magnitudeNeeded", { limit: pct(evaluation.maxPct) }) };
      case "NO_POLICY_ELEMENT":
        return { verdict: "review", text: t("noRule", { category: c }) };
    }
  };
}

const ICON = { approved: CircleCheck, rejected: CircleX, review: Hourglass } as const;
const TONE = {
  approved: "border-success/25 bg-success/5 text-success",
  rejected: "border-destructive/25 bg-destructive/5 text-destructive",
  review: "border-warning/40 bg-warning/10 text-warning-foreground",
} as const;

/** The one-line preview under a request item ("Auto-approved", "Auto-rejected: …", "Needs review: …"). */
export function EvaluationLine({
  verdict,
  text,
  className,
}: {
  verdict: "approved" | "rejected" | "review";
  text: string;
  className?: string;
}) {
  const Icon = ICON[verdict];
  return (
    <p
      className={cn("flex items-start gap-2 rounded-md border px-2.5 py-1.5 text-xs font-medium", TONE[verdict], className)}
      data-testid="item-evaluation"
      data-verdict={verdict}
    >
      <Icon className="mt-px size-3.5 shrink-0" aria-hidden />
      <span className="min-w-0 break-words">{text}</span>
    </p>
  );
}
