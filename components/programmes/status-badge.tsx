"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { ApplicationStatus } from "@/lib/programmes/rules";

const VARIANT: Record<ApplicationStatus, "muted" | "warning" | "success" | "destructive" | "brand"> = {
  SUBMITTED: "muted",
  IN_REVIEW: "warning",
  AWARDED: "brand",
  DECLINED: "destructive",
  PAID: "success",
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const t = useTranslations("programmes.status");
  return (
    <Badge variant={VARIANT[status]} data-status={status} data-testid="application-status">
      {t(status)}
    </Badge>
  );
}
