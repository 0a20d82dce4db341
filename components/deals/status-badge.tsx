import { useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { DealStatus } from "@/lib/deals/schema";

const VARIANT: Record<DealStatus, NonNullable<BadgeProps["variant"]>> = {
  DRAFT: "muted",
  PROPOSED: "warning",
  SIGNED: "success",
  EXPIRED: "secondary",
  TERMINATED: "destructive",
};

/** One colour per deal status everywhere (list, deal page, dashboard). */
export function DealStatusBadge({ status, className }: { status: DealStatus; className?: string }) {
  const t = useTranslations("deals.status");
  return (
    <Badge variant={VARIANT[status]} className={className} data-status={status}>
      {t(status)}
    </Badge>
  );
}

/** Licensor / licensee from the viewer's side. */
export function DealRoleBadge({ role, className }: { role: "LICENSOR" | "LICENSEE"; className?: string }) {
  const t = useTranslations("deals.role");
  return (
    <Badge variant={role === "LICENSOR" ? "brand" : "teal"} className={className}>
      {t(role)}
    </Badge>
  );
}
