import { useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { EditItemStatus, EditRequestStatus, EditRule } from "@/lib/edits/schema";

type Variant = NonNullable<BadgeProps["variant"]>;

const REQUEST_VARIANT: Record<EditRequestStatus, Variant> = {
  DRAFT: "muted",
  SUBMITTED: "brand",
  UNDER_REVIEW: "warning",
  APPROVED: "success",
  PARTIALLY_APPROVED: "teal",
  REJECTED: "destructive",
  CHANGES_REQUESTED: "warning",
  WITHDRAWN: "secondary",
};

const ITEM_VARIANT: Record<EditItemStatus, Variant> = { PENDING: "warning", APPROVED: "success", REJECTED: "destructive" };

const RULE_VARIANT: Record<EditRule, Variant> = { LOCKED: "destructive", APPROVAL_REQUIRED: "warning", PRE_APPROVED: "success" };

/** One colour per request status everywhere (list, request page, notifications). */
export function EditRequestStatusBadge({ status, className }: { status: EditRequestStatus; className?: string }) {
  const t = useTranslations("edits.status");
  return (
    <Badge variant={REQUEST_VARIANT[status]} className={className} data-status={status} data-testid="request-status">
      {t(status)}
    </Badge>
  );
}

export function ItemStatusBadge({ status, className }: { status: EditItemStatus; className?: string }) {
  const t = useTranslations("edits.itemStatus");
  return (
    <Badge variant={ITEM_VARIANT[status]} className={className} data-status={status}>
      {t(status)}
    </Badge>
  );
}

export function RuleBadge({ rule, className }: { rule: EditRule | null; className?: string }) {
  const t = useTranslations("edits.rules");
  if (!rule) {
    return (
      <Badge variant="muted" className={className}>
        {t("NONE")}
      </Badge>
    );
  }
  return (
    <Badge variant={RULE_VARIANT[rule]} className={className} data-rule={rule}>
      {t(rule)}
    </Badge>
  );
}
