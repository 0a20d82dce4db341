import { useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { AdvanceStatus } from "@/lib/facility/rules";

const VARIANT: Record<AdvanceStatus, NonNullable<BadgeProps["variant"]>> = {
  DRAFT: "muted",
  SUBMITTED: "warning",
  UNDER_REVIEW: "warning",
  APPROVED: "brand",
  DECLINED: "destructive",
  DISBURSED: "teal",
  REPAID: "success",
  DEFAULTED: "destructive",
  WRITTEN_OFF: "secondary",
};

/** One colour per advance status everywhere (queue, advance page, portfolio). */
export function AdvanceStatusBadge({ status, className }: { status: AdvanceStatus; className?: string }) {
  const t = useTranslations("facility.status");
  return (
    <Badge variant={VARIANT[status]} className={className} data-status={status}>
      {t(status)}
    </Badge>
  );
}
