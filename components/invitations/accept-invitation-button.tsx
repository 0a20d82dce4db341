"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useActionError } from "@/components/common/action-error";
import { switchOrganizationInSession } from "@/components/shell/switch-organization";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

export type AcceptInvitationButtonProps = {
  token: string;
  organizationName: string;
  /** Server action (acceptInvitationAction): joins the organisation the token invites to. */
  acceptAction: (token: string) => Promise<ActionResult<{ organizationId: string }>>;
};

/**
 * Accepts the invitation, then makes the new organisation the active one (the same next-auth
 * session update the organisation switcher uses) so the dashboard opens in it.
 */
export function AcceptInvitationButton({ token, organizationName, acceptAction }: AcceptInvitationButtonProps) {
  const t = useTranslations("invitations.accept");
  const actionError = useActionError();
  const router = useRouter();
  const [busy, setBusy] = useState(false);

  async function accept() {
    setBusy(true);
    const result = await acceptAction(token).catch(() => null);
    if (!result?.ok) {
      toast.error(actionError(result ?? undefined));
      setBusy(false);
      // The invitation may have expired or been revoked meanwhile: show its current state.
      router.refresh();
      return;
    }
    const switched = await switchOrganizationInSession(result.data.organizationId).catch(() => ({ ok: false }));
    if (switched.ok) toast.success(t("accepted", { organization: organizationName }));
    else toast.warning(t("switchFailed"));
    router.push("/dashboard");
    router.refresh();
  }

  return (
    <Button size="lg" className="w-full" onClick={accept} loading={busy}>
      {busy ? t("accepting") : t("button")}
    </Button>
  );
}
