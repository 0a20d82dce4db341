"use client";

import { Check } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { toast } from "sonner";
import { useHydrated } from "@/components/catalogue/use-hydrated";
import { useActionError } from "@/components/common/action-error";
import { switchOrganizationInSession } from "@/components/shell/switch-organization";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";

export type AcceptInvitationByIdButtonProps = {
  invitationId: string;
  organizationName: string;
  /** Server action (acceptInvitationByIdAction): joins if the invitation is for the signed-in email. */
  acceptAction: (invitationId: string) => Promise<ActionResult<{ organizationId: string }>>;
};

/**
 * One-click accept from the dashboard or /welcome, then the new organisation becomes the active
 * one (the session update the organisation switcher uses), so the dashboard opens in it.
 */
export function AcceptInvitationByIdButton({ invitationId, organizationName, acceptAction }: AcceptInvitationByIdButtonProps) {
  const t = useTranslations("invitations.accept");
  const actionError = useActionError();
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();

  async function accept() {
    setBusy(true);
    const result = await acceptAction(invitationId).catch(() => null);
    if (!result?.ok) {
      toast.error(actionError(result ?? undefined));
      setBusy(false);
      // It may have expired or been revoked meanwhile: show the list as it is now.
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
    <Button size="sm" onClick={accept} loading={busy} disabled={!hydrated} aria-label={`${t("button")}: ${organizationName}`}>
      {busy ? null : <Check aria-hidden />}
      {busy ? t("accepting") : t("button")}
    </Button>
  );
}
