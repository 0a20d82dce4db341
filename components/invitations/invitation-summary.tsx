import { getLocale, getTranslations } from "next-intl/server";
import type * as React from "react";
import { OrgKindBadge } from "@/components/common/org-kind-badge";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/i18n/format";
import type { OrgKind, RoleName } from "@/lib/orgs/schema";

export type InvitationSummaryProps = {
  organization: { name: string; kind: OrgKind };
  role: RoleName;
  inviter: string;
  email: string;
  expiresAt: Date;
};

/** What a pending invitation offers: organisation, role (with what it allows), inviter, address, expiry. */
export async function InvitationSummary({ organization, role, inviter, email, expiresAt }: InvitationSummaryProps) {
  const t = await getTranslations("invitations.pending");
  const tRole = await getTranslations("role");
  const tRoleDescription = await getTranslations("roleDescription");
  const locale = await getLocale();
  const rows: { label: string; value: React.ReactNode; testId: string }[] = [
    {
      label: t("organization"),
      testId: "invitation-organization",
      value: (
        <span className="flex flex-wrap items-center gap-2">
          <span className="font-medium">{organization.name}</span>
          <OrgKindBadge kind={organization.kind} />
        </span>
      ),
    },
    {
      label: t("role"),
      testId: "invitation-role",
      value: (
        <span className="flex flex-col gap-0.5">
          <span>
            <Badge variant="brand">{tRole(role)}</Badge>
          </span>
          <span className="text-xs text-muted-foreground">{tRoleDescription(role)}</span>
        </span>
      ),
    },
    { label: t("invitedBy"), testId: "invitation-inviter", value: inviter },
    { label: t("email"), testId: "invitation-email", value: <span className="break-all">{email}</span> },
    { label: t("expires"), testId: "invitation-expires", value: formatDateTime(expiresAt, locale) },
  ];
  return (
    <dl className="grid gap-3 rounded-lg border bg-muted/30 p-4 text-sm">
      {rows.map((row) => (
        <div key={row.testId} className="grid grid-cols-[7.5rem_1fr] items-start gap-3" data-testid={row.testId}>
          <dt className="text-muted-foreground">{row.label}</dt>
          <dd className="min-w-0">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
