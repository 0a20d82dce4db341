import { Info, MailPlus } from "lucide-react";
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { type Column, DataTable } from "@/components/common/data-table";
import { EmptyState } from "@/components/common/empty-state";
import { PageHeader } from "@/components/common/page-header";
import { InviteMemberDialog } from "@/components/members/invite-member-dialog";
import { MemberRoleSelect, RemoveMemberButton, RevokeInvitationButton } from "@/components/members/member-actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Avatar, AvatarFallback } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { requirePermission } from "@/lib/auth/gate";
import { can, canAssignRole } from "@/lib/auth/permissions";
import { formatDate } from "@/lib/i18n/format";
import { changeRoleAction, inviteMemberAction, removeMemberAction, revokeInvitationAction } from "@/lib/orgs/actions";
import { listMembers, listPendingInvitations } from "@/lib/orgs/queries";
import { ROLES, type RoleName } from "@/lib/orgs/schema";
import { initials } from "@/lib/utils";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("members");
  return { title: t("title") };
}

const ROLE_BADGE: Record<RoleName, "default" | "brand" | "secondary" | "muted"> = {
  OWNER: "default",
  ADMIN: "brand",
  MEMBER: "secondary",
  VIEWER: "muted",
};

type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];
type InvitationRow = Awaited<ReturnType<typeof listPendingInvitations>>[number];

export default async function MembersPage() {
  const { actor } = await requirePermission("org.members.read");
  const subject = { role: actor.role, orgKind: actor.org.kind };
  const mayInvite = can(subject, "org.members.invite");
  const mayManage = can(subject, "org.members.manage");
  const [members, invitations, t, tRole, locale] = await Promise.all([
    listMembers(actor),
    mayInvite ? listPendingInvitations(actor) : Promise.resolve([]),
    getTranslations("members"),
    getTranslations("role"),
    getLocale(),
  ]);
  const organization = actor.org.name;

  const memberColumns: Column<MemberRow>[] = [
    {
      id: "member",
      header: t("columns.member"),
      cell: (m) => (
        <span className="flex min-w-0 items-center gap-3">
          <Avatar>
            <AvatarFallback>{initials(m.user.name || m.user.email)}</AvatarFallback>
          </Avatar>
          <span className="flex min-w-0 flex-col">
            <span className="flex items-center gap-2 font-medium">
              <span className="truncate">{m.user.name}</span>
              {m.user.id === actor.userId ? <Badge variant="outline">{t("you")}</Badge> : null}
            </span>
            <span className="truncate text-xs text-muted-foreground">{m.user.email}</span>
          </span>
        </span>
      ),
    },
    {
      id: "role",
      header: t("columns.role"),
      cell: (m) =>
        mayManage ? (
          <MemberRoleSelect member={{ membershipId: m.id, name: m.user.name, role: m.role }} changeRoleAction={changeRoleAction} />
        ) : (
          <Badge variant={ROLE_BADGE[m.role]}>{tRole(m.role)}</Badge>
        ),
    },
    {
      id: "joined",
      header: t("columns.joined"),
      nowrap: true,
      cell: (m) => (
        <span className="flex flex-col text-muted-foreground" data-testid="member-joined">
          <span>{formatDate(m.createdAt, locale)}</span>
          {m.addedBy ? <span className="text-xs">{t("addedBy", { name: m.addedBy.name })}</span> : null}
        </span>
      ),
    },
    ...(mayManage
      ? [
          {
            id: "actions",
            header: <span className="sr-only">{t("columns.actions")}</span>,
            align: "right" as const,
            // Removing yourself would be "leave the organisation", which is not offered here.
            cell: (m: MemberRow) =>
              m.user.id === actor.userId ? null : (
                <RemoveMemberButton
                  member={{ membershipId: m.id, name: m.user.name, role: m.role }}
                  organizationName={organization}
                  removeAction={removeMemberAction}
                />
              ),
          },
        ]
      : []),
  ];

  const invitationColumns: Column<InvitationRow>[] = [
    { id: "email", header: t("pending.columns.email"), nowrap: true, cell: (i) => <span className="font-medium">{i.email}</span> },
    { id: "role", header: t("pending.columns.role"), cell: (i) => <Badge variant={ROLE_BADGE[i.role]}>{tRole(i.role)}</Badge> },
    { id: "invitedBy", header: t("pending.columns.invitedBy"), cell: (i) => i.invitedBy.name },
    {
      id: "expires",
      header: t("pending.columns.expires"),
      nowrap: true,
      cell: (i) => <span className="text-muted-foreground">{formatDate(i.expiresAt, locale)}</span>,
    },
    {
      id: "actions",
      header: <span className="sr-only">{t("columns.actions")}</span>,
      align: "right",
      cell: (i) => <RevokeInvitationButton invitation={{ id: i.id, email: i.email }} revokeAction={revokeInvitationAction} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { organization })}
        actions={
          mayInvite ? (
            <InviteMemberDialog assignableRoles={ROLES.filter((r) => canAssignRole(actor.role, r))} inviteAction={inviteMemberAction} />
          ) : null
        }
      />

      {!mayManage ? (
        <Alert variant="info" className="mb-6">
          <Info aria-hidden />
          <AlertDescription className="text-accent-foreground">
            {mayInvite ? t("readOnly.admin") : t("readOnly.viewer", { organization })}
          </AlertDescription>
        </Alert>
      ) : null}

      <section aria-labelledby="members-heading" className="flex flex-col gap-3">
        <h2 id="members-heading" className="text-sm font-medium text-muted-foreground">
          {t("count", { count: members.length })}
        </h2>
        <DataTable label={t("title")} columns={memberColumns} rows={members} rowKey={(m) => m.id} />
      </section>

      {mayInvite ? (
        <section aria-labelledby="invitations-heading" className="mt-10 flex flex-col gap-3">
          <div className="flex flex-col gap-1">
            <h2 id="invitations-heading" className="text-base font-semibold">
              {t("pending.title")}
            </h2>
            <p className="text-sm text-muted-foreground">{t("pending.description")}</p>
          </div>
          <DataTable
            label={t("pending.title")}
            columns={invitationColumns}
            rows={invitations}
            rowKey={(i) => i.id}
            empty={<EmptyState icon={MailPlus} title={t("pending.empty")} className="py-8" />}
          />
        </section>
      ) : null}
    </>
  );
}
