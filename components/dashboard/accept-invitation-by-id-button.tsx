"use client";

import { Check } from "lucide-react";
import { useTranslations } from "next-intl";
import { useHydrated } from "@/components/forms/use-hydrated";
import { useAcceptInvitation } from "@/components/invitations/use-accept-invitation";
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
  const { busy, accept } = useAcceptInvitation(organizationName, () => acceptAction(invitationId));
  const hydrated = useHydrated();

  return (
    <Button size="sm" onClick={accept} loading={busy} disabled={!hydrated} aria-label={`${t("button")}: ${organizationName}`}>
      {busy ? null : <Check aria-hidden />}
      {busy ? t("accepting") : t("button")}
    </Button>
  );
}
