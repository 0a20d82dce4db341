"use client";

import { UserMinus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog, RevokeButton } from "@/components/common/confirm-dialog";
import { useRunAction } from "@/components/forms/action-error";
import { SimpleSelect } from "@/components/forms/select-field";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { ROLES, type RoleName } from "@/lib/orgs/schema";

type Member = { membershipId: string; name: string; role: RoleName };

/** Owners change a member's role in place; the server refuses to demote the last owner. */
export function MemberRoleSelect({
  member,
  changeRoleAction,
}: {
  member: Member;
  changeRoleAction: (membershipId: string, input: { role: RoleName }) => Promise<ActionResult>;
}) {
  const t = useTranslations("members");
  const tRole = useTranslations("role");
  const runAction = useRunAction();
  const [role, setRole] = useState<RoleName>(member.role);
  const [busy, setBusy] = useState(false);

  async function change(next: string) {
    const wanted = ROLES.find((r) => r === next);
    if (!wanted || wanted === role) return;
    const previous = role;
    setRole(wanted);
    setBusy(true);
    const changed = await runAction(
      () => changeRoleAction(member.membershipId, { role: wanted }),
      t("changeRole.success", { name: member.name, role: tRole(wanted) }),
    );
    setBusy(false);
    if (!changed) setRole(previous);
  }

  return (
    <SimpleSelect
      aria-label={t("roleFor", { name: member.name })}
      value={role}
      onValueChange={change}
      disabled={busy}
      className="h-8 w-32"
      data-testid="member-role-select"
      options={ROLES.map((r) => ({ value: r, label: tRole(r) }))}
    />
  );
}

export function RemoveMemberButton({
  member,
  organizationName,
  removeAction,
}: {
  member: Member;
  organizationName: string;
  removeAction: (membershipId: string) => Promise<ActionResult>;
}) {
  const t = useTranslations("members.remove");
  const runAction = useRunAction();
  return (
    <ConfirmDialog
      trigger={
        <Button
          variant="ghost"
          size="icon-sm"
          aria-label={t("label", { name: member.name })}
          className="text-muted-foreground hover:text-destructive"
        >
          <UserMinus aria-hidden />
        </Button>
      }
      title={t("title", { name: member.name })}
      description={t("description", { organization: organizationName })}
      confirmLabel={t("confirm")}
      destructive
      onConfirm={() => runAction(() => removeAction(member.membershipId), t("success", { name: member.name }))}
    />
  );
}

export function RevokeInvitationButton({
  invitation,
  revokeAction,
}: {
  invitation: { id: string; email: string };
  revokeAction: (invitationId: string) => Promise<ActionResult>;
}) {
  const t = useTranslations("members.pending.revoke");
  const runAction = useRunAction();
  return (
    <RevokeButton
      label={t("label", { email: invitation.email })}
      title={t("title", { email: invitation.email })}
      description={t("description")}
      confirmLabel={t("confirm")}
      onConfirm={() => runAction(() => revokeAction(invitation.id), t("success"), { refreshOnError: true })}
    />
  );
}
