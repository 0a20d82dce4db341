import { TriangleAlert } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { belowExposure } from "@/lib/facility/present";
import { formatMoney } from "@/lib/i18n/format";
import type { Money } from "@/lib/money/money";

/**
 * While the facility's capacity is below its exposure (principal outstanding + approved, not yet
 * disbursed), every facility page says so: it is a wind-down, new approvals are refused. Nothing
 * otherwise. Renders on the server and in the browser.
 */
export function CapacityBelowExposureBanner({
  capacity,
  principalOutstanding,
  approvedUndisbursed,
}: {
  capacity: Money;
  principalOutstanding: Money;
  approvedUndisbursed: Money;
}) {
  const t = useTranslations("facility.belowExposureBanner");
  const locale = useLocale();
  const exposure = belowExposure(capacity, principalOutstanding, approvedUndisbursed);
  if (!exposure) return null;
  return (
    <div
      role="status"
      className="mb-6 flex items-start gap-3 rounded-lg border border-warning/50 bg-warning/10 p-4 text-sm"
      data-testid="capacity-below-exposure"
    >
      <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
      <div className="grid gap-1">
        <p className="font-medium">{t("title")}</p>
        <p className="text-muted-foreground">
          {t("body", { capacity: formatMoney(capacity, locale), exposure: formatMoney(exposure, locale) })}
        </p>
      </div>
    </div>
  );
}
