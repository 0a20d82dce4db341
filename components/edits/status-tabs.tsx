import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import type { EditRequestStatus } from "@/lib/edits/schema";
import { formatNumber } from "@/lib/i18n/format";
import { cn } from "@/lib/utils";

/** The statuses offered as tabs, in the order a request moves through them. */
const TABS: EditRequestStatus[] = ["DRAFT", "UNDER_REVIEW", "CHANGES_REQUESTED", "APPROVED", "PARTIALLY_APPROVED", "REJECTED", "WITHDRAWN"];

/** Status filter of the request list as link tabs (the filter lives in the URL), each with its count. */
export function StatusTabs({
  active,
  counts,
  hrefFor,
  hideDraft = false,
}: {
  active: EditRequestStatus | undefined;
  counts: Record<string, number>;
  hrefFor: (status: EditRequestStatus | undefined) => string;
  hideDraft?: boolean;
}) {
  const t = useTranslations("edits");
  const locale = useLocale();
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const tabs = TABS.filter((s) => !(hideDraft && s === "DRAFT"));
  const tab = (status: EditRequestStatus | undefined, label: string, count: number) => (
    <Link
      key={status ?? "all"}
      href={hrefFor(status)}
      aria-current={active === status ? "page" : undefined}
      className={cn(
        "-mb-px inline-flex items-center gap-1.5 border-b-2 border-transparent px-0.5 pt-1 pb-2.5 text-sm font-medium whitespace-nowrap transition-colors hover:text-foreground",
        active === status && "border-primary text-foreground",
      )}
    >
      {label}
      <span className="rounded-full bg-muted px-1.5 text-[11px] tabular-nums text-muted-foreground">{formatNumber(count, locale)}</span>
    </Link>
  );
  return (
    <nav aria-label={t("list.tabsLabel")} className="mb-4 flex w-full items-center gap-4 overflow-x-auto border-b text-muted-foreground">
      {tab(undefined, t("list.all"), total)}
      {tabs.map((s) => tab(s, t(`status.${s}`), (counts[s] ?? 0) + (s === "UNDER_REVIEW" ? (counts.SUBMITTED ?? 0) : 0)))}
    </nav>
  );
}
