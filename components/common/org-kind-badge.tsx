import { useTranslations } from "next-intl";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { OrgKind } from "@/lib/orgs/schema";

/** Each organisation kind keeps one colour everywhere, so people learn to spot counterparties. */
const VARIANT: Record<OrgKind, NonNullable<BadgeProps["variant"]>> = {
  STUDIO: "brand",
  PARTNER: "teal",
  FACILITY: "warning",
  PROGRAMME: "success",
  PLATFORM: "muted",
};

export function OrgKindBadge({ kind, className }: { kind: OrgKind; className?: string }) {
  const t = useTranslations("orgKind");
  return (
    <Badge variant={VARIANT[kind]} className={className}>
      {t(kind)}
    </Badge>
  );
}
