"use client";

import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { Link } from "@/components/ui/link";
import { ADVANCE_STATUSES, type AdvanceStatus } from "@/lib/facility/rules";
import { cn } from "@/lib/utils";

/** The queue's status filter as links (kept in the URL); "to act on" first for facility staff. */
export function AdvanceStatusFilter({ queue }: { queue: boolean }) {
  const t = useTranslations("facility.list.filters");
  const tStatus = useTranslations("facility.status");
  const params = useSearchParams();
  const current = params.get("status");
  const order: AdvanceStatus[] = queue
    ? ["SUBMITTED", "UNDER_REVIEW", "APPROVED", "DISBURSED", "DEFAULTED", "REPAID", "DECLINED", "WRITTEN_OFF"]
    : [...ADVANCE_STATUSES];
  const link = (status: AdvanceStatus | null, label: string) => {
    const active = status === current || (status === null && !current);
    return (
      <Link
        key={status ?? "all"}
        href={status ? `/advances?status=${status}` : "/advances"}
        aria-current={active ? "page" : undefined}
        className={cn(
          "rounded-full border px-3 py-1 text-xs font-medium transition-colors",
          active ? "border-primary bg-accent text-primary" : "text-muted-foreground hover:border-primary/30 hover:text-foreground",
        )}
      >
        {label}
      </Link>
    );
  };
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center gap-2">
      {link(null, t("all"))}
      {order.map((s) => link(s, tStatus(s)))}
    </nav>
  );
}
