import { useLocale, useTranslations } from "next-intl";
import { EDIT_CATEGORIES } from "@/lib/catalogue/schema";
import { formatPercent } from "@/lib/i18n/format";
import { RuleBadge } from "./status-badge";
import type { PolicyElementView } from "./types";

/**
 * The policy as partners read it: every category with its rule, the limit of pre-approved
 * changes and the studio's note. Categories without a rule are listed too ("reviewed by the
 * studio"), so a partner knows what to expect for every kind of change.
 */
export function PolicyTable({ elements }: { elements: PolicyElementView[] }) {
  const t = useTranslations("edits.policy");
  const tCategory = useTranslations("catalogue.editCategories");
  const tHelp = useTranslations("edits.categoryHelp");
  const locale = useLocale();
  const byCategory = new Map(elements.map((e) => [e.category, e] as const));
  return (
    <div className="overflow-hidden rounded-xl border bg-card shadow-xs">
      <table className="w-full text-sm" aria-label={t("tableLabel")}>
        <thead className="border-b bg-muted/40 text-left text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-4 py-2.5 font-medium">
              {t("columns.category")}
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              {t("columns.rule")}
            </th>
            <th scope="col" className="hidden px-4 py-2.5 font-medium sm:table-cell">
              {t("columns.limit")}
            </th>
            <th scope="col" className="px-4 py-2.5 font-medium">
              {t("columns.note")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {EDIT_CATEGORIES.map((category) => {
            const e = byCategory.get(category);
            return (
              <tr key={category} data-testid="policy-element" data-category={category} className="align-top">
                <th scope="row" className="px-4 py-3 text-left font-normal">
                  <span className="flex flex-col gap-0.5">
                    <span className="font-medium">{tCategory(category)}</span>
                    <span className="text-xs text-muted-foreground">{tHelp(category)}</span>
                  </span>
                </th>
                <td className="px-4 py-3">
                  <RuleBadge rule={e?.rule ?? null} />
                </td>
                <td className="hidden px-4 py-3 tabular-nums sm:table-cell">
                  {e?.rule === "PRE_APPROVED" ? (
                    e.maxPct ? (
                      t("upTo", { limit: formatPercent(e.maxPct, locale, { maximumFractionDigits: 4 }) })
                    ) : (
                      <span className="text-muted-foreground">{t("noLimitShort")}</span>
                    )
                  ) : (
                    <span className="text-muted-foreground">—</span>
                  )}
                </td>
                <td className="px-4 py-3">
                  {e?.note ? (
                    <p className="whitespace-pre-line">{e.note}</p>
                  ) : (
                    <span className="text-muted-foreground">{e ? t(`ruleExplained.${e.rule}`) : t("notSetExplained")}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
