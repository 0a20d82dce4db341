import { useTranslations } from "next-intl";
import type * as React from "react";
import { PageHeader } from "@/components/common/page-header";
import { DealRoleBadge } from "@/components/deals/status-badge";
import { Link } from "@/components/ui/link";
import { cn } from "@/lib/utils";

export type DealSectionKey = "statements" | "receipts" | "creators";

/** The money sections of a deal, as a row of links under the deal's name (the licensee has no creators page). */
export function DealMoneyLinks({
  dealId,
  role,
  active,
  className,
}: {
  dealId: string;
  role: "LICENSOR" | "LICENSEE";
  active?: DealSectionKey | "deal";
  className?: string;
}) {
  const t = useTranslations("statements.sections");
  const items: { key: DealSectionKey | "deal"; href: string }[] = [
    { key: "deal", href: `/deals/${dealId}` },
    { key: "statements", href: `/deals/${dealId}/statements` },
    { key: "receipts", href: `/deals/${dealId}/receipts` },
    ...(role === "LICENSOR" ? [{ key: "creators" as const, href: `/deals/${dealId}/creators` }] : []),
  ];
  return (
    <nav aria-label={t("label")} className={cn("mb-6 flex gap-4 overflow-x-auto border-b text-sm", className)}>
      {items.map((item) => (
        <Link
          key={item.key}
          href={item.href}
          aria-current={item.key === active ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 border-transparent px-0.5 pt-1 pb-2.5 font-medium whitespace-nowrap text-muted-foreground transition-colors hover:text-foreground",
            item.key === active && "border-primary text-foreground",
          )}
        >
          {t(item.key)}
        </Link>
      ))}
    </nav>
  );
}

/** Header of a deal's statements, receipts or creators page: breadcrumb to the deal, title, the section links. */
export function DealSectionHeader({
  deal,
  section,
  title,
  description,
  actions,
}: {
  deal: { id: string; name: string; role: "LICENSOR" | "LICENSEE"; currency: string };
  section: DealSectionKey;
  title: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  const t = useTranslations("statements.sections");
  return (
    <>
      <PageHeader
        className="mb-4 lg:mb-4"
        eyebrow={
          <span className="flex flex-wrap items-center gap-2">
            <Link href="/deals" className="hover:text-foreground hover:underline">
              {t("deals")}
            </Link>
            <span aria-hidden>/</span>
            <Link href={`/deals/${deal.id}`} className="hover:text-foreground hover:underline">
              {deal.name}
            </Link>
            <DealRoleBadge role={deal.role} />
            <span className="font-mono text-xs">{deal.currency}</span>
          </span>
        }
        title={title}
        description={description}
        actions={actions}
      />
      <DealMoneyLinks dealId={deal.id} role={deal.role} active={section} />
    </>
  );
}
