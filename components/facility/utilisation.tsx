import { useLocale, useTranslations } from "next-intl";
import { formatPercent } from "@/lib/i18n/format";
import { cn } from "@/lib/utils";

/**
 * The facility's two utilisation figures, named and side by side, the same on every page (settings,
 * portfolio, dashboard): principal outstanding ÷ capacity, and (principal outstanding + approved,
 * not yet disbursed) ÷ capacity, the share the capacity limit checks. Both come from
 * `utilisationFigures` (lib/facility/rules.ts). Renders on the server and in the browser.
 */
export function UtilisationFigures({
  utilisationPct,
  utilisationWithReservedPct,
  className,
}: {
  utilisationPct: string | null;
  utilisationWithReservedPct: string | null;
  className?: string;
}) {
  const t = useTranslations("facility.utilisation");
  const locale = useLocale();
  const pct = (value: string | null) => (value === null ? "—" : formatPercent(value, locale));
  const figures = [
    { key: "outstanding", value: utilisationPct, testId: "utilisation-outstanding" },
    { key: "withReserved", value: utilisationWithReservedPct, testId: "utilisation-with-reserved" },
  ] as const;
  return (
    <dl className={cn("grid gap-3 sm:grid-cols-2", className)} data-testid="utilisation-figures">
      {figures.map((f) => (
        <div key={f.key} className="grid content-start gap-0.5">
          <dt className="text-xs font-medium text-muted-foreground">{t(f.key)}</dt>
          <dd className="text-lg font-semibold tabular-nums" data-testid={f.testId}>
            {pct(f.value)}
          </dd>
          <dd className="text-xs text-muted-foreground">{t(`${f.key}Formula`)}</dd>
        </div>
      ))}
    </dl>
  );
}
