import { useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "@/components/ui/badge";

export type StatementStatus = "SUBMITTED" | "ACCEPTED" | "DISPUTED";

const VARIANT: Record<StatementStatus, NonNullable<BadgeProps["variant"]>> = {
  SUBMITTED: "warning",
  ACCEPTED: "success",
  DISPUTED: "destructive",
};

/** A statement's status; a superseded one says so, since it no longer counts whatever its status. */
export function StatementStatusBadge({ status, superseded = false }: { status: StatementStatus; superseded?: boolean }) {
  const t = useTranslations("statements.status");
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <Badge variant={VARIANT[status]} data-status={status}>
        {t(status)}
      </Badge>
      {superseded ? (
        <Badge variant="muted" data-status="SUPERSEDED">
          {t("SUPERSEDED")}
        </Badge>
      ) : null}
    </span>
  );
}
